-- SIP credentials are kept only as digest HA1 values (RFC 2617 MD5 and RFC 8760 SHA-256):
-- enough for the registrar to verify a response, useless for logging in elsewhere.
CREATE TABLE employees (
    id            VARCHAR(36)  PRIMARY KEY,
    account_id    VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    name          VARCHAR(200) NOT NULL,
    extension     VARCHAR(8)   NOT NULL,
    sip_username  VARCHAR(64)  NOT NULL UNIQUE,
    ha1_md5       VARCHAR(32)  NOT NULL,
    ha1_sha256    VARCHAR(64)  NOT NULL,
    mobile        VARCHAR(16),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT employees_extension UNIQUE (account_id, extension)
);

CREATE TABLE departments (
    id          VARCHAR(36)  PRIMARY KEY,
    account_id  VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    name        VARCHAR(200) NOT NULL,
    extension   VARCHAR(8),
    strategy    VARCHAR(24)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT departments_extension UNIQUE (account_id, extension)
);

CREATE TABLE department_members (
    department_id  VARCHAR(36) NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    position       INTEGER     NOT NULL,
    employee_id    VARCHAR(36) NOT NULL REFERENCES employees (id),
    ring_seconds   INTEGER     NOT NULL,
    PRIMARY KEY (department_id, position)
);
CREATE INDEX department_members_employee ON department_members (employee_id);
