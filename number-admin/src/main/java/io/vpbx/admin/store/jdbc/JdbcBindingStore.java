package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public final class JdbcBindingStore implements BindingStore {
    private static final String COLUMNS = "e164, account_id, holder_type, holder_id, billing, document_fingerprint, "
            + "registry_request_id, status, deadline_at, bound_at, confirmed_at";
    private static final String IN_SERVICE = "('pending_compliance', 'active', 'blocked_unconfirmed')";

    @Override
    public Optional<Binding> find(Tx tx, String e164) throws SQLException {
        return IdQueries.first(tx, JdbcBindingStore::rows, "SELECT " + COLUMNS + " FROM number_bindings WHERE e164 = ?", e164);
    }

    @Override
    public void put(Tx tx, Binding b) throws SQLException {
        delete(tx, b.e164());
        IdQueries.update(tx, "INSERT INTO number_bindings (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b.e164(),
                b.accountId(), b.holderType().wireName(), b.holderId(), b.billing().wireName(), b.documentFingerprint(),
                b.registryRequestId(), b.status().wireName(), Timestamp.from(b.deadlineAt()), Timestamp.from(b.boundAt()),
                IdQueries.timestamp(b.confirmedAt()));
    }

    @Override
    public void delete(Tx tx, String e164) throws SQLException {
        IdQueries.update(tx, "DELETE FROM number_bindings WHERE e164 = ?", e164);
    }

    @Override
    public int countByDocument(Tx tx, String fingerprint, Binding.Billing billing, String exceptE164) throws SQLException {
        SqlFilter filter = new SqlFilter().eq("b.document_fingerprint", fingerprint)
                .eq("b.billing", billing == null ? null : billing.wireName())
                .raw("b.e164 <> ?", exceptE164)
                .raw("b.status IN ('pending', 'confirmed')")
                .raw("n.state IN " + IN_SERVICE);
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT COUNT(*) FROM number_bindings b JOIN numbers n ON n.e164 = b.e164" + filter.sql())) {
            filter.bind(st, 1);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public List<Binding> byHolder(Tx tx, Binding.HolderType type, String holderId) throws SQLException {
        return IdQueries.select(tx, JdbcBindingStore::rows, "SELECT " + COLUMNS
                + " FROM number_bindings WHERE holder_type = ? AND holder_id = ? ORDER BY e164", type.wireName(), holderId);
    }

    @Override
    public List<String> pastDeadline(Tx tx, Instant now, Instant purchasedBefore, int limit) throws SQLException {
        return IdQueries.query(tx, rs -> rs.getString(1), "SELECT n.e164 FROM numbers n "
                + "LEFT JOIN number_bindings b ON b.e164 = n.e164 "
                + "WHERE (n.state IN ('pending_compliance', 'active') AND b.status = 'pending' AND b.deadline_at <= ?) "
                + "OR (n.state = 'pending_compliance' AND b.e164 IS NULL AND n.purchased_at <= ?) "
                + "ORDER BY n.e164 LIMIT ?", Timestamp.from(now), Timestamp.from(purchasedBefore), limit);
    }

    @Override
    public List<Binding> pendingDeadlineWithin(Tx tx, Instant now, Instant until, int limit) throws SQLException {
        return IdQueries.select(tx, JdbcBindingStore::rows, "SELECT " + COLUMNS + " FROM number_bindings WHERE status = 'pending' "
                + "AND deadline_at > ? AND deadline_at <= ? ORDER BY deadline_at, e164 LIMIT ?", Timestamp.from(now),
                Timestamp.from(until), limit);
    }

    private static List<Binding> rows(PreparedStatement st) throws SQLException {
        return IdQueries.rows(st, rs -> {
            Timestamp confirmed = rs.getTimestamp("confirmed_at");
            return new Binding(rs.getString("e164"), rs.getString("account_id"),
                    Binding.HolderType.valueOf(rs.getString("holder_type").toUpperCase(Locale.ROOT)), rs.getString("holder_id"),
                    Binding.Billing.valueOf(rs.getString("billing").toUpperCase(Locale.ROOT)), rs.getString("document_fingerprint"),
                    rs.getString("registry_request_id"), Binding.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                    rs.getTimestamp("deadline_at").toInstant(), rs.getTimestamp("bound_at").toInstant(),
                    confirmed == null ? null : confirmed.toInstant());
        });
    }
}
