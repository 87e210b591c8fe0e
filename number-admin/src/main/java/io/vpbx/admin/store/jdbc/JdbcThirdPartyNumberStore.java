package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.thirdparty.LineTransport;
import io.vpbx.admin.domain.thirdparty.ThirdPartyNumber;
import io.vpbx.admin.store.ThirdPartyNumberStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

public final class JdbcThirdPartyNumberStore implements ThirdPartyNumberStore {
    private static final String COLUMNS = "e164, account_id, login, password_sealed, server_host, server_port, transport, "
            + "expires_seconds, line_comment, enabled, created_at, updated_at";
    /** Numbers per IN list when locking a batch. */
    private static final int CHUNK = 500;

    @Override
    public void create(Tx tx, ThirdPartyNumber n, String sealedPassword) throws SQLException {
        IdQueries.update(tx, "INSERT INTO third_party_numbers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                n.e164(), n.accountId(), n.login(), sealedPassword, n.server(), n.port(), n.transport().wireName(),
                n.expiresSeconds(), n.comment(), n.enabled(), Timestamp.from(n.createdAt()), Timestamp.from(n.updatedAt()));
    }

    @Override
    public Optional<SealedLine> find(Tx tx, String e164) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM third_party_numbers WHERE e164 = ?", e164);
    }

    @Override
    public Optional<SealedLine> lock(Tx tx, String e164) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM third_party_numbers WHERE e164 = ? FOR UPDATE", e164);
    }

    @Override
    public void update(Tx tx, ThirdPartyNumber n, String sealedPassword) throws SQLException {
        IdQueries.updateOne(tx, "third-party number " + n.e164(), "UPDATE third_party_numbers SET login = ?, "
                + "password_sealed = ?, server_host = ?, server_port = ?, transport = ?, expires_seconds = ?, line_comment = ?, "
                + "enabled = ?, updated_at = ? WHERE e164 = ?", n.login(), sealedPassword, n.server(), n.port(),
                n.transport().wireName(), n.expiresSeconds(), n.comment(), n.enabled(), Timestamp.from(n.updatedAt()), n.e164());
    }

    @Override
    public boolean delete(Tx tx, String e164) throws SQLException {
        // third_party_status and third_party_history go with it (ON DELETE CASCADE).
        return IdQueries.update(tx, "DELETE FROM third_party_numbers WHERE e164 = ?", e164) == 1;
    }

    @Override
    public List<ThirdPartyNumber> list(Tx tx, String accountId, String afterE164, int limit) throws SQLException {
        SqlFilter filter = new SqlFilter().eq("account_id", accountId).above("e164", afterE164);
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM third_party_numbers"
                + filter.sql() + " ORDER BY e164 LIMIT ?")) {
            st.setInt(filter.bind(st, 1), limit);
            return rows(st).stream().map(SealedLine::number).toList();
        }
    }

    @Override
    public List<SealedLine> sealedLines(Tx tx, String afterE164, int limit) throws SQLException {
        SqlFilter filter = new SqlFilter().above("e164", afterE164);
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM third_party_numbers"
                + filter.sql() + " ORDER BY e164 LIMIT ?")) {
            st.setInt(filter.bind(st, 1), limit);
            return rows(st);
        }
    }

    @Override
    public List<SealedLine> lockSealedWithOtherKeys(Tx tx, String currentKeyId, int limit) throws SQLException {
        // Sealed values start "v1:<key id>:"; a key id may hold '_', which LIKE must not read as a wildcard.
        String prefix = "v1:" + currentKeyId.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + ":%";
        return IdQueries.select(tx, JdbcThirdPartyNumberStore::rows, "SELECT " + COLUMNS + " FROM third_party_numbers "
                + "WHERE password_sealed NOT LIKE ? ESCAPE '\\' ORDER BY e164 LIMIT ? FOR UPDATE", prefix, limit);
    }

    @Override
    public void reseal(Tx tx, String e164, String sealedPassword) throws SQLException {
        IdQueries.update(tx, "UPDATE third_party_numbers SET password_sealed = ? WHERE e164 = ?", sealedPassword, e164);
    }

    @Override
    public Set<String> lockConnected(Tx tx, Collection<String> e164s) throws SQLException {
        List<String> sorted = new ArrayList<>(new TreeSet<>(e164s));
        Set<String> connected = new TreeSet<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            SqlFilter filter = new SqlFilter().in("e164", sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
            try (PreparedStatement st = tx.connection().prepareStatement("SELECT e164 FROM third_party_numbers" + filter.sql()
                    + " ORDER BY e164 FOR UPDATE")) {
                filter.bind(st, 1);
                connected.addAll(IdQueries.rows(st, rs -> rs.getString(1)));
            }
        }
        return connected;
    }

    private static Optional<SealedLine> one(Tx tx, String sql, String e164) throws SQLException {
        return IdQueries.first(tx, JdbcThirdPartyNumberStore::rows, sql, e164);
    }

    private static List<SealedLine> rows(PreparedStatement st) throws SQLException {
        return IdQueries.rows(st, rs -> new SealedLine(new ThirdPartyNumber(rs.getString("e164"), rs.getString("account_id"),
                rs.getString("login"), rs.getString("server_host"), rs.getInt("server_port"),
                LineTransport.fromWire(rs.getString("transport")).orElseThrow(
                        () -> new SQLException("unknown transport in third_party_numbers")),
                rs.getInt("expires_seconds"), rs.getString("line_comment"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()),
                rs.getString("password_sealed")));
    }
}
