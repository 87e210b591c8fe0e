package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.IdempotencyStore;
import io.vpbx.admin.store.Tx;
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
        if (IdQueries.update(tx, "INSERT INTO idempotency_keys (account_id, idem_key, request_hash, status, response_body, "
                + "created_at) VALUES (?, ?, ?, ?, '', ?) ON CONFLICT DO NOTHING", accountId, key, requestHash, IN_PROGRESS,
                Timestamp.from(at)) == 1) {
            return Optional.empty();
        }
        StoredResponse stored = IdQueries.firstRow(tx, rs -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3)),
                "SELECT request_hash, status, response_body FROM idempotency_keys WHERE account_id = ? AND idem_key = ?",
                accountId, key).orElseThrow(() -> new SQLException("idempotency key vanished while being claimed"));
        return Optional.of(stored);
    }

    @Override
    public void complete(Tx tx, String accountId, String key, int status, String body) throws SQLException {
        IdQueries.update(tx, "UPDATE idempotency_keys SET status = ?, response_body = ? WHERE account_id = ? AND idem_key = ?",
                status, body, accountId, key);
    }

    @Override
    public int purgeOlderThan(Tx tx, Instant cutoff) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM idempotency_keys WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
