-- The media library: an account's recorded messages, converted at upload to what calls play (8 kHz mono 16-bit
-- PCM, as a WAV file) and kept here so that every node reads the same clip; nodes cache them in memory. The
-- original's encoding, rate and channels are kept to show what was uploaded, not its bytes. BYTEA is PostgreSQL's
-- binary type and an alias of H2's BINARY VARYING (at most 10 minutes: 9.6 MB).
CREATE TABLE media (
    id                 VARCHAR(36)  PRIMARY KEY,
    account_id         VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    name               VARCHAR(200) NOT NULL,
    duration_ms        BIGINT       NOT NULL,
    original_format    VARCHAR(16)  NOT NULL,
    original_rate      INTEGER      NOT NULL,
    original_channels  INTEGER      NOT NULL,
    audio              BYTEA        NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX media_account ON media (account_id, id);
