package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.staff.SipRegistration;
import io.vpbx.admin.store.SipRegistrationStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Rows of {@code sip_registrations}. The upsert is an UPDATE, then an INSERT when no row was there: the
 * same SQL on H2 and PostgreSQL. Should another node insert the same row in between, the INSERT's unique
 * violation is rolled back to a savepoint and the UPDATE done again.
 */
public final class JdbcSipRegistrationStore implements SipRegistrationStore {
    private static final String COLUMNS = "employee_id, contact_uri, received, instance, q, call_id, cseq, expires_at, "
            + "node_id, updated_at";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int FETCH_SIZE = 1_000;

    @Override
    public void save(Tx tx, SipRegistration r) throws SQLException {
        if (update(tx, r)) {
            return;
        }
        Savepoint beforeInsert = tx.connection().setSavepoint();
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO sip_registrations (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, r.employeeId());
            st.setString(2, r.contactUri());
            st.setString(3, r.received());
            st.setString(4, r.instance());
            st.setDouble(5, r.q());
            st.setString(6, r.callId());
            st.setLong(7, r.cseq());
            st.setTimestamp(8, Timestamp.from(r.expiresAt()));
            st.setString(9, r.nodeId());
            st.setTimestamp(10, Timestamp.from(r.updatedAt()));
            st.executeUpdate();
        } catch (SQLException failure) {
            if (!UNIQUE_VIOLATION.equals(failure.getSQLState())) {
                throw failure;
            }
            tx.connection().rollback(beforeInsert);
            if (!update(tx, r)) {
                throw failure;
            }
        }
    }

    private static boolean update(Tx tx, SipRegistration r) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE sip_registrations SET received = ?, instance = ?, "
                + "q = ?, call_id = ?, cseq = ?, expires_at = ?, node_id = ?, updated_at = ? WHERE employee_id = ? AND contact_uri = ?")) {
            st.setString(1, r.received());
            st.setString(2, r.instance());
            st.setDouble(3, r.q());
            st.setString(4, r.callId());
            st.setLong(5, r.cseq());
            st.setTimestamp(6, Timestamp.from(r.expiresAt()));
            st.setString(7, r.nodeId());
            st.setTimestamp(8, Timestamp.from(r.updatedAt()));
            st.setString(9, r.employeeId());
            st.setString(10, r.contactUri());
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public int unexpired(Tx tx, Instant now, Consumer<SipRegistration> sink) throws SQLException {
        return stream(tx, "SELECT " + COLUMNS + " FROM sip_registrations WHERE expires_at > ? ORDER BY employee_id, contact_uri",
                now, sink);
    }

    @Override
    public int changedSince(Tx tx, Instant since, Consumer<SipRegistration> sink) throws SQLException {
        return stream(tx, "SELECT " + COLUMNS + " FROM sip_registrations WHERE updated_at > ? ORDER BY updated_at",
                since, sink);
    }

    @Override
    public int deleteExpiredBefore(Tx tx, Instant cutoff) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM sip_registrations WHERE expires_at < ?")) {
            st.setTimestamp(1, Timestamp.from(cutoff));
            return st.executeUpdate();
        }
    }

    private static int stream(Tx tx, String sql, Instant bound, Consumer<SipRegistration> sink) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(bound));
            st.setFetchSize(FETCH_SIZE);
            int count = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new SipRegistration(rs.getString("employee_id"), rs.getString("contact_uri"),
                            rs.getString("received"), rs.getString("instance"), rs.getDouble("q"), rs.getString("call_id"),
                            rs.getLong("cseq"), rs.getTimestamp("expires_at").toInstant(), rs.getString("node_id"),
                            rs.getTimestamp("updated_at").toInstant()));
                    count++;
                }
            }
            return count;
        }
    }
}
