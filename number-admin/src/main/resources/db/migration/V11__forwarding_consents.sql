-- Which other accounts may forward calls to a number (platform_pbx): the number's holder grants and revokes.
-- holder_account_id is the holder who granted it; a consent counts only while that account still holds the
-- number, so a number that changes hands never carries its former holder's consents.
CREATE TABLE forwarding_consents (
    e164               VARCHAR(16) NOT NULL,
    holder_account_id  VARCHAR(36) NOT NULL REFERENCES accounts (id),
    allowed_account_id VARCHAR(36) NOT NULL REFERENCES accounts (id),
    granted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (e164, allowed_account_id)
);
CREATE INDEX forwarding_consents_holder ON forwarding_consents (holder_account_id, e164);

-- Cross-account forwardings made before consent existed keep working: they are entered as consents, so the
-- holder sees them in the number's list and can revoke them (which drops the forwarding).
INSERT INTO forwarding_consents (e164, holder_account_id, allowed_account_id, granted_at)
SELECT DISTINCT t.e164, t.account_id, f.account_id, CURRENT_TIMESTAMP
FROM numbers f JOIN numbers t ON t.e164 = f.forward_ref
WHERE f.forward_kind = 'platform_pbx' AND f.account_id <> t.account_id
  AND f.state IN ('pending_compliance', 'active', 'blocked_unconfirmed')
  AND t.state IN ('pending_compliance', 'active', 'blocked_unconfirmed');
