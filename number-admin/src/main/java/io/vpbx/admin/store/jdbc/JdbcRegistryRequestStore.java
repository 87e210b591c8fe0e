package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.RegistryRequest;
import io.vpbx.admin.store.RegistryRequestStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public final class JdbcRegistryRequestStore implements RegistryRequestStore {
    private static final String COLUMNS = "id, account_id, e164, holder_type, holder_id, status, reason, code_hash, "
            + "code_attempts_left, submitted_at, decided_at";

    @Override
    public void create(Tx tx, RegistryRequest r) throws SQLException {
        IdQueries.update(tx, "INSERT INTO registry_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(),
                r.accountId(), r.e164(), r.holderType().wireName(), r.holderId(), r.status().wireName(), r.reason(),
                r.codeHash(), r.codeAttemptsLeft(), Timestamp.from(r.submittedAt()), IdQueries.timestamp(r.decidedAt()));
    }

    @Override
    public Optional<RegistryRequest> lock(Tx tx, String accountId, String requestId) throws SQLException {
        SqlFilter filter = new SqlFilter().eq("id", requestId).eq("account_id", accountId);
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM registry_requests"
                + filter.sql() + " FOR UPDATE")) {
            filter.bind(st, 1);
            return rows(st).stream().findFirst();
        }
    }

    @Override
    public void update(Tx tx, RegistryRequest r) throws SQLException {
        IdQueries.update(tx, "UPDATE registry_requests SET status = ?, reason = ?, code_attempts_left = ?, decided_at = ? "
                + "WHERE id = ?", r.status().wireName(), r.reason(), r.codeAttemptsLeft(), IdQueries.timestamp(r.decidedAt()), r.id());
    }

    @Override
    public List<RegistryRequest> forNumber(Tx tx, String accountId, String e164) throws SQLException {
        return IdQueries.select(tx, JdbcRegistryRequestStore::rows, "SELECT " + COLUMNS
                + " FROM registry_requests WHERE account_id = ? AND e164 = ? ORDER BY submitted_at DESC, id", accountId, e164);
    }

    private static List<RegistryRequest> rows(PreparedStatement st) throws SQLException {
        return IdQueries.rows(st, rs -> {
            Timestamp decided = rs.getTimestamp("decided_at");
            return new RegistryRequest(rs.getString("id"), rs.getString("account_id"), rs.getString("e164"),
                    Binding.HolderType.valueOf(rs.getString("holder_type").toUpperCase(Locale.ROOT)), rs.getString("holder_id"),
                    RegistryRequest.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("reason"),
                    rs.getString("code_hash"), rs.getInt("code_attempts_left"), rs.getTimestamp("submitted_at").toInstant(),
                    decided == null ? null : decided.toInstant());
        });
    }
}
