-- IVR scenarios: an account's call flows as data. A change saves a new version (the definition as the API shows
-- it, every default written out); calls in progress keep the version they started with (the call side keys by id
-- and version), so versions are never rewritten. scenario_references lists what the current version refers to
-- (media, employees, departments, schedules, other scenarios) so that deleting one of those finds its users
-- by index rather than by reading every definition.
CREATE TABLE scenarios (
    id               VARCHAR(36)  PRIMARY KEY,
    account_id       VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    name             VARCHAR(200) NOT NULL,
    current_version  INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scenarios_account ON scenarios (account_id, id);

CREATE TABLE scenario_versions (
    scenario_id  VARCHAR(36) NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    version      INTEGER     NOT NULL,
    definition   TEXT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scenario_id, version)
);

CREATE TABLE scenario_references (
    scenario_id  VARCHAR(36) NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    reference    VARCHAR(80) NOT NULL,
    PRIMARY KEY (scenario_id, reference)
);
CREATE INDEX scenario_references_reference ON scenario_references (reference);
