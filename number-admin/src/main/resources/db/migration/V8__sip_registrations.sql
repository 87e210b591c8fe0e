-- SIP registrations (RFC 3261 section 10.3 bindings) of employees' phones, so that they survive a restart
-- and every node sharing this database can route to a phone registered on any node. One row per employee
-- and contact URI, written by the node that took the REGISTER. A removed binding stays as a row whose
-- expires_at is the removal time, until other nodes have read it; then it is deleted.
CREATE TABLE sip_registrations (
    employee_id  VARCHAR(36)   NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    contact_uri  VARCHAR(1024) NOT NULL,
    received     VARCHAR(64),
    instance     VARCHAR(1024),
    q            DOUBLE PRECISION NOT NULL,
    call_id      VARCHAR(1024) NOT NULL,
    cseq         BIGINT        NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    node_id      VARCHAR(64)   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (employee_id, contact_uri)
);
-- Nodes read the rows changed since their last look, and the unexpired ones at startup.
CREATE INDEX sip_registrations_updated ON sip_registrations (updated_at);
CREATE INDEX sip_registrations_expires ON sip_registrations (expires_at);
