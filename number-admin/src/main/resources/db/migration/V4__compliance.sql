-- Compliance: who answers for each number (an end user with verified documents, or M2M equipment),
-- the registry requests that report it, and the suspension state the SIP core enforces.

-- Document numbers are kept only sealed (AES-GCM), as a keyed fingerprint (to count numbers per document
-- across accounts) and as their last four characters (to show them masked).
CREATE TABLE end_users (
    id                     VARCHAR(36)  PRIMARY KEY,
    account_id             VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    kind                   VARCHAR(16)  NOT NULL,
    relation               VARCHAR(16),
    jurisdiction           VARCHAR(2)   NOT NULL,
    full_name              VARCHAR(200) NOT NULL,
    birth_date             DATE,
    address                VARCHAR(500),
    contact_phone          VARCHAR(16),
    contact_email          VARCHAR(254),
    document_type          VARCHAR(48)  NOT NULL,
    document_sealed        VARCHAR(400) NOT NULL,
    document_fingerprint   VARCHAR(64)  NOT NULL,
    document_last4         VARCHAR(8)   NOT NULL,
    document_expires_on    DATE,
    document_status        VARCHAR(16)  NOT NULL,
    document_status_reason VARCHAR(500),
    agent_full_name        VARCHAR(200),
    agent_document_type    VARCHAR(48),
    agent_document_sealed  VARCHAR(400),
    agent_document_last4   VARCHAR(8),
    authorization_letter   VARCHAR(200),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_number_released_at TIMESTAMP WITH TIME ZONE,
    anonymized_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX end_users_account ON end_users (account_id, id);
CREATE INDEX end_users_fingerprint ON end_users (document_fingerprint);

CREATE TABLE m2m_devices (
    id                   VARCHAR(36)  PRIMARY KEY,
    account_id           VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    device_type          VARCHAR(24)  NOT NULL,
    model                VARCHAR(200) NOT NULL,
    serial_number        VARCHAR(64),
    imei                 VARCHAR(15),
    installation_address VARCHAR(500) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX m2m_devices_account ON m2m_devices (account_id, id);

-- A number's current binding: exactly one holder. document_fingerprint is copied from the end user so that
-- quotas per document count across all accounts with one indexed query.
CREATE TABLE number_bindings (
    e164                 VARCHAR(16)  PRIMARY KEY REFERENCES numbers (e164),
    account_id           VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    holder_type          VARCHAR(16)  NOT NULL,
    holder_id            VARCHAR(36)  NOT NULL,
    billing              VARCHAR(16)  NOT NULL,
    document_fingerprint VARCHAR(64),
    registry_request_id  VARCHAR(36)  NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    deadline_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    bound_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX number_bindings_fingerprint ON number_bindings (document_fingerprint, billing);
CREATE INDEX number_bindings_holder ON number_bindings (holder_type, holder_id);
CREATE INDEX number_bindings_deadline ON number_bindings (status, deadline_at);

-- What vpbx reported to the state registry and how it went (the embedded simulator keeps its side here too).
CREATE TABLE registry_requests (
    id                  VARCHAR(36)  PRIMARY KEY,
    account_id          VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    e164                VARCHAR(16)  NOT NULL,
    holder_type         VARCHAR(16)  NOT NULL,
    holder_id           VARCHAR(36)  NOT NULL,
    status              VARCHAR(32)  NOT NULL,
    reason              VARCHAR(500),
    code_hash           VARCHAR(64),
    code_attempts_left  INTEGER      NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX registry_requests_account ON registry_requests (account_id, submitted_at);
CREATE INDEX registry_requests_number ON registry_requests (e164);

-- Suspension after a document is found invalid: one_way (inbound only), then full_stop; none otherwise.
ALTER TABLE numbers ADD COLUMN suspension VARCHAR(16) DEFAULT 'none' NOT NULL;
ALTER TABLE numbers ADD COLUMN suspension_reason VARCHAR(500);
ALTER TABLE numbers ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;

-- The number an employee shows when calling out: one of the account's own numbers, never a CN 400 number.
CREATE TABLE caller_ids (
    employee_id  VARCHAR(36) PRIMARY KEY REFERENCES employees (id) ON DELETE CASCADE,
    account_id   VARCHAR(36) NOT NULL REFERENCES accounts (id),
    e164         VARCHAR(16) NOT NULL REFERENCES numbers (e164)
);
CREATE INDEX caller_ids_number ON caller_ids (e164);
