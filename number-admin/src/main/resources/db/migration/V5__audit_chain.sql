-- The audit log becomes one hash chain for the whole platform: each entry carries the hash of the
-- entry before it (prev_hash) and its own (entry_hash, see AuditHasher), so that changing, removing or
-- inserting an entry shows when the chain is verified. Entries already present keep NULL links: they
-- were written before the chain began and are not covered by it.
ALTER TABLE audit_events ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_events ADD COLUMN entry_hash VARCHAR(64);

-- The end of the chain, one row. An append locks it (SELECT ... FOR UPDATE) in the transaction of the
-- change it records, takes last_id + 1 as the entry's id and moves the head, so appends from every node
-- sharing the database form one chain, not a fork. This serialises audited changes platform-wide,
-- which admin changes can afford. last_id starts after any entry written before the chain, so that the
-- chain's ids, taken from the head, never collide with theirs; last_hash starts at 64 zeros.
CREATE TABLE audit_chain_head (
    id         INT         PRIMARY KEY,
    last_id    BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
SELECT 1, COALESCE(MAX(id), 0), '0000000000000000000000000000000000000000000000000000000000000000' FROM audit_events;
