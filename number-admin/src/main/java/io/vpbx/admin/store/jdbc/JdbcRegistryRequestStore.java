package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.RegistryRequest;
import io.vpbx.admin.store.RegistryRequestStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public final class JdbcRegistryRequestStore implements RegistryRequestStore {
    private static final String COLUMNS = "id, account_id, e164, holder_type, holder_id, status, reason, code_hash, "
            + "code_attempts_left, submitted_at, decided_at";

    @Override
    public void create(Tx tx, RegistryRequest r) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO registry_requests (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, r.id());
            st.setString(2, r.accountId());
            st.setString(3, r.e164());
            st.setString(4, r.holderType().wireName());
            st.setString(5, r.holderId());
            st.setString(6, r.status().wireName());
            st.setString(7, r.reason());
            st.setString(8, r.codeHash());
            st.setInt(9, r.codeAttemptsLeft());
            st.setTimestamp(10, Timestamp.from(r.submittedAt()));
            st.setTimestamp(11, r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()));
            st.executeUpdate();
        }
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
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE registry_requests SET status = ?, reason = ?, "
                + "code_attempts_left = ?, decided_at = ? WHERE id = ?")) {
            st.setString(1, r.status().wireName());
            st.setString(2, r.reason());
            st.setInt(3, r.codeAttemptsLeft());
            st.setTimestamp(4, r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()));
            st.setString(5, r.id());
            st.executeUpdate();
        }
    }

    @Override
    public List<RegistryRequest> forNumber(Tx tx, String accountId, String e164) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM registry_requests WHERE account_id = ? AND e164 = ? ORDER BY submitted_at DESC, id")) {
            st.setString(1, accountId);
            st.setString(2, e164);
            return rows(st);
        }
    }

    private static List<RegistryRequest> rows(PreparedStatement st) throws SQLException {
        List<RegistryRequest> requests = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Timestamp decided = rs.getTimestamp("decided_at");
                requests.add(new RegistryRequest(rs.getString("id"), rs.getString("account_id"), rs.getString("e164"),
                        Binding.HolderType.valueOf(rs.getString("holder_type").toUpperCase(Locale.ROOT)), rs.getString("holder_id"),
                        RegistryRequest.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("reason"),
                        rs.getString("code_hash"), rs.getInt("code_attempts_left"), rs.getTimestamp("submitted_at").toInstant(),
                        decided == null ? null : decided.toInstant()));
            }
        }
        return requests;
    }
}
