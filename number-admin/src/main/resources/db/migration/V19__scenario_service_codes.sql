-- A scenario's service code (`*` and 2-6 digits, e.g. *12): what an account's employees dial to run it. Kept on the
-- scenario's row (its current version's code; the definition holds it too) so that the database keeps it unique per
-- account even when two saves race. Several scenarios without a code are fine: NULLs are distinct in a unique index.
ALTER TABLE scenarios ADD COLUMN service_code VARCHAR(7);
CREATE UNIQUE INDEX scenarios_service_code ON scenarios (account_id, service_code);
