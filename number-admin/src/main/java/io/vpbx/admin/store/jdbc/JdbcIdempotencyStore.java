package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.IdempotencyStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * A claim inserts the key with status 0 ("in progress") in the caller's transaction; the primary key
 * makes a concurrent claim of the same key wait until the first transaction ends, then see its row.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
    private static final int IN_PROGRESS = 0;

    @Override
    public Optional<StoredResponse> claim(Tx tx, String accountId, String key, String requestHash, Instant at)
            throws SQLException {
        try (PreparedStatement insert = tx.connection().prepareStatement(
                "INSERT INTO idempotency_keys (account_id, idem_key, request_hash, status, response_body, created_at) "
                        + "VALUES (?, ?, ?, ?, '', ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, accountId);
            insert.setString(2, key);
            insert.setString(3, requestHash);
            insert.setInt(4, IN_PROGRESS);
            insert.setTimestamp(5, Timestamp.from(at));
            if (insert.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement select = tx.connection().prepareStatement(
                "SELECT request_hash, status, response_body FROM idempotency_keys WHERE account_id = ? AND idem_key = ?")) {
            select.setString(1, accountId);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("idempotency key vanished while being claimed");
                }
                return Optional.of(new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3)));
            }
        }
    }

    @Override
    public void complete(Tx tx, String accountId, String key, int status, String body) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "UPDATE idempotency_keys SET status = ?, response_body = ? WHERE account_id = ? AND idem_key = ?")) {
            st.setInt(1, status);
            st.setString(2, body);
            st.setString(3, accountId);
            st.setString(4, key);
            st.executeUpdate();
        }
    }

    @Override
    public int purgeOlderThan(Tx tx, Instant cutoff) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM idempotency_keys WHERE created_at < ?")) {
            st.setTimestamp(1, Timestamp.from(cutoff));
            return st.executeUpdate();
        }
    }
}
