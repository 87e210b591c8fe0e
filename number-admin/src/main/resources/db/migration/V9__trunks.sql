-- Carrier trunks, managed by the operator. account_id NULL: a carrier trunk reaching every account's
-- numbers; set: the trunk reaches that account's numbers only.
CREATE TABLE trunks (
    id            VARCHAR(36)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    account_id    VARCHAR(36)  REFERENCES accounts (id),
    outbound_uri  VARCHAR(255),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The addresses a trunk's calls come from, in canonical text. The primary key keeps one address to one
-- trunk on the whole platform: the SIP core tells trunks apart by source address alone.
CREATE TABLE trunk_source_addresses (
    address   VARCHAR(45) PRIMARY KEY,
    trunk_id  VARCHAR(36) NOT NULL REFERENCES trunks (id) ON DELETE CASCADE,
    position  INTEGER     NOT NULL
);
CREATE INDEX trunk_source_addresses_trunk ON trunk_source_addresses (trunk_id, position);
