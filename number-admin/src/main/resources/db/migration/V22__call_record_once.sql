-- One row per call record: a batch written again after its commit was lost with the connection, or replayed from
-- the node's journal after a database outage, must not add a second row (docs/adr/0032-database-outages.md).
-- A record is the same call when its Call-ID, direction and start are: a hairpinned call has one record per
-- direction. Rows already duplicated by earlier retries are removed first, the oldest kept.
DELETE FROM call_records WHERE id IN (
    SELECT later.id FROM call_records later JOIN call_records earlier
        ON earlier.call_id = later.call_id AND earlier.direction = later.direction
           AND earlier.started_at = later.started_at AND earlier.id < later.id);
CREATE UNIQUE INDEX call_records_once ON call_records (call_id, direction, started_at);
