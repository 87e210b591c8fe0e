-- API keys become managed (issue 10, API finding 7): several per account, each with a name, an optional expiry
-- (also how a rotated key keeps working until its overlap ends) and the time it was last used, written in
-- batches off the request path. Existing keys stay valid as they are: they are named after where they came from.
ALTER TABLE api_keys ADD COLUMN key_name VARCHAR(100);
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
UPDATE api_keys SET key_name = CASE WHEN role = 'OPERATOR' THEN 'operator key' ELSE 'first key' END;
ALTER TABLE api_keys ALTER COLUMN key_name SET NOT NULL;
CREATE INDEX api_keys_account ON api_keys (account_id, created_at);
