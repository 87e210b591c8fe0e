package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.account.Role;
import io.vpbx.admin.domain.account.StoredApiKey;
import io.vpbx.admin.store.ApiKeyStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS =
            "id, account_id, role, key_name, key_prefix, created_at, expires_at, last_used_at, revoked_at";

    @Override
    public void add(Tx tx, ApiKey key, Principal owner, String name, Instant createdAt, Instant expiresAt) throws SQLException {
        IdQueries.update(tx, "INSERT INTO api_keys (id, account_id, role, key_hash, key_prefix, key_name, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key.id(), owner.accountId(), owner.role().name(), key.hash(), key.prefix(),
                name, Timestamp.from(createdAt), IdQueries.timestamp(expiresAt));
    }

    @Override
    public Optional<StoredApiKey> findByHash(Tx tx, String keyHash) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL", keyHash);
    }

    @Override
    public Optional<StoredApiKey> find(Tx tx, String keyId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", keyId);
    }

    @Override
    public List<StoredApiKey> list(Tx tx, String accountId) throws SQLException {
        String where = accountId == null ? "account_id IS NULL" : "account_id = ?";
        Object[] values = accountId == null ? new Object[0] : new Object[] {accountId};
        return IdQueries.query(tx, JdbcApiKeyStore::key, "SELECT " + COLUMNS + " FROM api_keys WHERE " + where
                + " ORDER BY created_at, id", values);
    }

    @Override
    public boolean revoke(Tx tx, String keyId, Instant at) throws SQLException {
        return IdQueries.update(tx, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(at), keyId) > 0;
    }

    @Override
    public void expireBy(Tx tx, String keyId, Instant at) throws SQLException {
        IdQueries.update(tx, "UPDATE api_keys SET expires_at = ? WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)",
                Timestamp.from(at), keyId, Timestamp.from(at));
    }

    @Override
    public void touch(Tx tx, Map<String, Instant> lastUsed) throws SQLException {
        if (lastUsed.isEmpty()) {
            return;
        }
        try (PreparedStatement st = tx.connection().prepareStatement(
                "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            // In key order, so that two nodes flushing at once lock rows in the same order.
            for (Map.Entry<String, Instant> use : new TreeMap<>(lastUsed).entrySet()) {
                st.setTimestamp(1, Timestamp.from(use.getValue()));
                st.setString(2, use.getKey());
                st.setTimestamp(3, Timestamp.from(use.getValue()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static Optional<StoredApiKey> one(Tx tx, String sql, String value) throws SQLException {
        return IdQueries.firstRow(tx, JdbcApiKeyStore::key, sql, value);
    }

    private static StoredApiKey key(ResultSet rs) throws SQLException {
        return new StoredApiKey(rs.getString("id"), rs.getString("account_id"), Role.valueOf(rs.getString("role")),
                rs.getString("key_name"), rs.getString("key_prefix"), IdQueries.instant(rs, "created_at"),
                IdQueries.instant(rs, "expires_at"), IdQueries.instant(rs, "last_used_at"), IdQueries.instant(rs, "revoked_at"));
    }
}
