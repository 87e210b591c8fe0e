-- Compliance, the rest of the rules (issue 17): the operator's complaint stops, document files on record, the
-- agent's document expiry and the expiry reminders already sent.

-- The operator's stop of a number on a complaint (harassment, fraud). Apart from the real-name suspension so that
-- lifting one never lifts the other; complaint_ground NULL: no stop.
ALTER TABLE numbers ADD COLUMN complaint_ground VARCHAR(16);
ALTER TABLE numbers ADD COLUMN complaint_reason VARCHAR(500);
ALTER TABLE numbers ADD COLUMN complaint_reference VARCHAR(100);
ALTER TABLE numbers ADD COLUMN complaint_stopped_at TIMESTAMP WITH TIME ZONE;

-- An agent's identity document expires like the holder's own; the daily check reads both.
ALTER TABLE end_users ADD COLUMN agent_document_expires_on DATE;
CREATE INDEX end_users_expiry ON end_users (document_expires_on);
CREATE INDEX end_users_agent_expiry ON end_users (agent_document_expires_on);

-- Documents kept as files (an agent's authorization letter, scans of identity documents): the bytes only sealed
-- (AES-256-GCM under key_id of the document key ring, the IV first), the type found from the file's first bytes.
-- Rows are deleted when the end user's personal data is erased; the audit keeps the fact.
CREATE TABLE end_user_files (
    id             VARCHAR(36)  PRIMARY KEY,
    account_id     VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    end_user_id    VARCHAR(36)  NOT NULL REFERENCES end_users (id) ON DELETE CASCADE,
    purpose        VARCHAR(32)  NOT NULL,
    content_type   VARCHAR(32)  NOT NULL,
    size_bytes     INTEGER      NOT NULL,
    key_id         VARCHAR(32)  NOT NULL,
    content_sealed BYTEA        NOT NULL,
    expires_on     DATE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX end_user_files_holder ON end_user_files (end_user_id, purpose, created_at);
CREATE INDEX end_user_files_expiry ON end_user_files (expires_on);
CREATE INDEX end_user_files_key ON end_user_files (key_id);

-- Reminders of a coming expiry already given (7 and 1 days before), so that a sweep run many times a day gives each once.
CREATE TABLE expiry_reminders (
    end_user_id  VARCHAR(36) NOT NULL REFERENCES end_users (id) ON DELETE CASCADE,
    subject      VARCHAR(32) NOT NULL,
    expires_on   DATE        NOT NULL,
    days_before  INTEGER     NOT NULL,
    reminded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (end_user_id, subject, expires_on, days_before)
);
