package io.vpbx.admin.store.jdbc;

import static io.vpbx.admin.store.jdbc.NullableColumns.getInt;
import static io.vpbx.admin.store.jdbc.NullableColumns.setInt;

import io.vpbx.admin.domain.thirdparty.RegistrationHistoryEntry;
import io.vpbx.admin.domain.thirdparty.RegistrationStatus;
import io.vpbx.admin.store.RegistrationStatusStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.uplink.RegistrationState;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

public final class JdbcRegistrationStatusStore implements RegistrationStatusStore {
    private static final String COLUMNS = "e164, state, registered_until, last_code, last_reason, next_attempt_at, updated_at, node_id";
    private static final int CHUNK = 500;

    @Override
    public Map<String, RegistrationStatus> find(Tx tx, Collection<String> e164s) throws SQLException {
        return read(tx, e164s, "");
    }

    @Override
    public Map<String, RegistrationStatus> lock(Tx tx, Collection<String> e164s) throws SQLException {
        return read(tx, e164s, " ORDER BY e164 FOR UPDATE");
    }

    @Override
    public void put(Tx tx, RegistrationStatus s, boolean exists) throws SQLException {
        String sql = exists
                ? "UPDATE third_party_status SET state = ?, registered_until = ?, last_code = ?, last_reason = ?, "
                        + "next_attempt_at = ?, updated_at = ?, node_id = ? WHERE e164 = ?"
                : "INSERT INTO third_party_status (state, registered_until, last_code, last_reason, next_attempt_at, updated_at, "
                        + "node_id, e164) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        IdQueries.updateOne(tx, "registration status of " + s.e164(), sql, s.state().wireName(),
                IdQueries.timestamp(s.registeredUntil()), NullableColumns.integer(s.lastCode()), s.lastReason(),
                IdQueries.timestamp(s.nextAttemptAt()), Timestamp.from(s.updatedAt()), s.node(), s.e164());
    }

    @Override
    public void append(Tx tx, List<RegistrationHistoryEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO third_party_history "
                + "(e164, changed_at, state, sip_code, sip_reason, next_attempt_at, node_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RegistrationHistoryEntry e : entries) {
                st.setString(1, e.e164());
                st.setTimestamp(2, Timestamp.from(e.at()));
                st.setString(3, e.state().wireName());
                setInt(st, 4, e.code());
                st.setString(5, e.reason());
                st.setTimestamp(6, e.nextAttemptAt() == null ? null : Timestamp.from(e.nextAttemptAt()));
                st.setString(7, e.node());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    @Override
    public List<RegistrationHistoryEntry> history(Tx tx, String e164, int limit) throws SQLException {
        return IdQueries.query(tx, rs -> new RegistrationHistoryEntry(rs.getString("e164"), rs.getTimestamp("changed_at").toInstant(),
                state(rs.getString("state")), getInt(rs, "sip_code"), rs.getString("sip_reason"),
                IdQueries.instant(rs, "next_attempt_at"), rs.getString("node_id")), "SELECT e164, changed_at, state, sip_code, "
                + "sip_reason, next_attempt_at, node_id FROM third_party_history WHERE e164 = ? ORDER BY changed_at DESC, id DESC "
                + "LIMIT ?", e164, limit);
    }

    private static Map<String, RegistrationStatus> read(Tx tx, Collection<String> e164s, String suffix) throws SQLException {
        List<String> sorted = new ArrayList<>(new TreeSet<>(e164s));
        Map<String, RegistrationStatus> found = new HashMap<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            SqlFilter filter = new SqlFilter().in("e164", sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
            try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM third_party_status"
                    + filter.sql() + suffix)) {
                filter.bind(st, 1);
                for (RegistrationStatus status : IdQueries.rows(st, rs -> new RegistrationStatus(rs.getString("e164"),
                        state(rs.getString("state")), IdQueries.instant(rs, "registered_until"), getInt(rs, "last_code"),
                        rs.getString("last_reason"), IdQueries.instant(rs, "next_attempt_at"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("node_id")))) {
                    found.put(status.e164(), status);
                }
            }
        }
        return found;
    }

    private static RegistrationState state(String wire) throws SQLException {
        return RegistrationState.fromWire(wire).orElseThrow(() -> new SQLException("unknown registration state '" + wire + "'"));
    }

}
