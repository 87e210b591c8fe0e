-- Schedules: an account's working hours in an IANA time zone, with holidays and one-off dates. The week and the
-- exceptions are the API's JSON (ScheduleHoursCodec), read and written whole: nothing queries inside them, and the
-- SIP side keeps every schedule in memory (docs/adr/0024-schedules.md). TEXT is unbounded on both H2 and PostgreSQL.
CREATE TABLE schedules (
    id          VARCHAR(36)  PRIMARY KEY,
    account_id  VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    name        VARCHAR(200) NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    week        TEXT         NOT NULL,
    exceptions  TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX schedules_account ON schedules (account_id, id);

-- A number's forwarding may follow a schedule: open hours to its target, closed hours to another (or the fallback).
-- The schedule and the closed target's reference are columns, as forward_ref is, so that deleting a schedule, an
-- employee or a department finds the numbers that use it. The forwarding's JSON grows by the closed target.
ALTER TABLE numbers ADD COLUMN forward_schedule_id VARCHAR(36);
ALTER TABLE numbers ADD COLUMN forward_closed_ref VARCHAR(80);
ALTER TABLE numbers ALTER COLUMN forwarding SET DATA TYPE VARCHAR(8000);
CREATE INDEX numbers_forward_schedule ON numbers (forward_schedule_id);
CREATE INDEX numbers_forward_closed ON numbers (forward_closed_ref);
