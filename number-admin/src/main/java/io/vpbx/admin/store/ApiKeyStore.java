package io.vpbx.admin.store;

import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.account.StoredApiKey;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys by their hash (ADR 0002): names, expiry, revocation and last use. */
public interface ApiKeyStore {

    /** Stores the key's hash, never its secret; {@code owner} tells whose key it is (the key id is the key's own). */
    void add(Tx tx, ApiKey key, Principal owner, String name, Instant createdAt, Instant expiresAt) throws SQLException;

    /** The key with this hash, unless revoked; its expiry is the caller's to check. */
    Optional<StoredApiKey> findByHash(Tx tx, String keyHash) throws SQLException;

    Optional<StoredApiKey> find(Tx tx, String keyId) throws SQLException;

    /** The keys of an account (null: the operator's), oldest first, revoked ones included. */
    List<StoredApiKey> list(Tx tx, String accountId) throws SQLException;

    /** Marks the key revoked at {@code at}; returns whether it was active until then. */
    boolean revoke(Tx tx, String keyId, Instant at) throws SQLException;

    /** Moves the key's expiry to {@code at} unless it already ends sooner. */
    void expireBy(Tx tx, String keyId, Instant at) throws SQLException;

    /** Records when keys were last used: one write per key, only forward in time. */
    void touch(Tx tx, Map<String, Instant> lastUsed) throws SQLException;
}
