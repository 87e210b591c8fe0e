-- Limits the operator set for one account (catalog hoarding, toll fraud). A NULL column means the configured
-- default (limits.* in the configuration), so that changing a default reaches every account that has not
-- been given its own value.
CREATE TABLE account_limits (
    account_id            VARCHAR(36)   PRIMARY KEY REFERENCES accounts (id),
    max_reserved_numbers  INTEGER,
    purchases_per_hour    INTEGER,
    purchases_per_day     INTEGER,
    concurrent_calls      INTEGER,
    calls_per_minute      INTEGER,
    max_call_seconds      INTEGER,
    allow_international   BOOLEAN,
    allow_premium         BOOLEAN,
    allowed_prefixes      VARCHAR(2000),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per number bought, for the sliding purchase windows (an hour, a day): the numbers table forgets a
-- purchase once the number is disconnected, and counting audit entries would read the hash-chained log.
CREATE TABLE number_purchases (
    account_id    VARCHAR(36) NOT NULL REFERENCES accounts (id),
    e164          VARCHAR(16) NOT NULL,
    purchased_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX number_purchases_account ON number_purchases (account_id, purchased_at);
