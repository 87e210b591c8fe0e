-- One row per number: the catalog entry and its whole lifecycle (available -> reserved ->
-- pending_compliance -> active -> disconnected -> available). national_rev is the national number
-- reversed, so that "ends with" becomes an index range scan like "starts with".
CREATE TABLE numbers (
    e164              VARCHAR(16)   PRIMARY KEY,
    country           VARCHAR(2)    NOT NULL,
    number_type       VARCHAR(16)   NOT NULL,
    region            VARCHAR(8)    NOT NULL,
    national          VARCHAR(15)   NOT NULL,
    national_rev      VARCHAR(15)   NOT NULL,
    category          VARCHAR(16)   NOT NULL,
    category_rank     SMALLINT      NOT NULL,
    category_reasons  VARCHAR(2000) NOT NULL,
    rule_set_version  VARCHAR(32)   NOT NULL,
    connection_fee    NUMERIC(12,2) NOT NULL,
    monthly_fee       NUMERIC(12,2) NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    state             VARCHAR(24)   NOT NULL,
    account_id        VARCHAR(36)   REFERENCES accounts (id),
    reservation_id    VARCHAR(36),
    reserved_until    TIMESTAMP WITH TIME ZONE,
    purchased_at      TIMESTAMP WITH TIME ZONE,
    quarantine_until  TIMESTAMP WITH TIME ZONE,
    state_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    number_comment    VARCHAR(1000),
    forwarding        VARCHAR(4000),
    fallback          VARCHAR(2000),
    forward_kind      VARCHAR(16),
    forward_ref       VARCHAR(80),
    imported_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Search indexes: each serves one order of results (number, price, beauty) so that a page is read in
-- order and the scan stops at the page size. The two main ones also carry every searchable column
-- after the sort key, so that a page's numbers are found by an index-only scan and only the page's
-- rows are read from the table (a mask like 49505*12** filters inside the index).
CREATE INDEX numbers_search_national ON numbers (state, national, e164, category, country, number_type, monthly_fee, national_rev);
CREATE INDEX numbers_search_category ON numbers (state, category, national, e164, country, number_type, monthly_fee, national_rev);
CREATE INDEX numbers_search_rev ON numbers (state, national_rev);
CREATE INDEX numbers_search_price ON numbers (state, monthly_fee, e164);
CREATE INDEX numbers_search_rank ON numbers (state, category_rank DESC, e164);
CREATE INDEX numbers_account ON numbers (account_id, e164);
-- What a number forwards to (an employee, a department, another number), so that deleting or
-- disconnecting the target can list what still uses it.
CREATE INDEX numbers_forward ON numbers (forward_ref);
CREATE INDEX numbers_reserved ON numbers (state, reserved_until);

CREATE TABLE reservations (
    id          VARCHAR(36) PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES accounts (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16) NOT NULL
);
CREATE INDEX reservations_account ON reservations (account_id, created_at);
