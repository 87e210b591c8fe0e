-- Consent to the processing of an end user's personal data: recorded when the data is collected (the text's version
-- and the channel it was given through), withdrawn by the end user. Rows hold no personal data and outlive erasure as
-- the proof of what was agreed; they go only with an end user deleted outright (one who never held a number).
CREATE TABLE end_user_consents (
    id            VARCHAR(36) PRIMARY KEY,
    account_id    VARCHAR(36) NOT NULL REFERENCES accounts (id),
    end_user_id   VARCHAR(36) NOT NULL REFERENCES end_users (id) ON DELETE CASCADE,
    text_version  VARCHAR(50) NOT NULL,
    channel       VARCHAR(16) NOT NULL,
    given_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX end_user_consents_holder ON end_user_consents (end_user_id, given_at);

-- Personal data at rest: full name, address and birth date are sealed like document numbers (AES-256-GCM under the
-- document key ring; "v1:<key id>:<base64url>"), so the text columns grow to hold the sealed form of their longest
-- value, and the birth date moves to a sealed text column. Rows written before stay readable as they are and are
-- sealed by the key-rotation batch of the maintenance run.
ALTER TABLE end_users ALTER COLUMN full_name SET DATA TYPE VARCHAR(1200);
ALTER TABLE end_users ALTER COLUMN address SET DATA TYPE VARCHAR(2800);
ALTER TABLE end_users ALTER COLUMN agent_full_name SET DATA TYPE VARCHAR(1200);
ALTER TABLE end_users ADD COLUMN birth_date_sealed VARCHAR(200);
