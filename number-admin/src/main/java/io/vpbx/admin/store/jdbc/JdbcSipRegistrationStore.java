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
    private static final int FETCH_SIZE = 1_000;

    @Override
    public void save(Tx tx, SipRegistration r) throws SQLException {
        if (update(tx, r)) {
            return;
        }
        Savepoint beforeInsert = tx.connection().setSavepoint();
        try {
            IdQueries.update(tx, "INSERT INTO sip_registrations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.employeeId(), r.contactUri(), r.received(), r.instance(), r.q(), r.callId(), r.cseq(),
                    Timestamp.from(r.expiresAt()), r.nodeId(), Timestamp.from(r.updatedAt()));
        } catch (SQLException failure) {
            if (!IdQueries.isUniqueViolation(failure)) {
                throw failure;
            }
            tx.connection().rollback(beforeInsert);
            if (!update(tx, r)) {
                throw failure;
            }
        }
    }

    private static boolean update(Tx tx, SipRegistration r) throws SQLException {
        return IdQueries.update(tx, "UPDATE sip_registrations SET received = ?, instance = ?, q = ?, call_id = ?, cseq = ?, "
                + "expires_at = ?, node_id = ?, updated_at = ? WHERE employee_id = ? AND contact_uri = ?", r.received(),
                r.instance(), r.q(), r.callId(), r.cseq(), Timestamp.from(r.expiresAt()), r.nodeId(),
                Timestamp.from(r.updatedAt()), r.employeeId(), r.contactUri()) == 1;
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
        return IdQueries.update(tx, "DELETE FROM sip_registrations WHERE expires_at < ?", Timestamp.from(cutoff));
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
