package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.inventory.Reservation;
import io.vpbx.admin.store.ReservationStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

public final class JdbcReservationStore implements ReservationStore {

    @Override
    public void create(Tx tx, Reservation r) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "INSERT INTO reservations (id, account_id, created_at, expires_at, status) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, r.id());
            st.setString(2, r.accountId());
            st.setTimestamp(3, Timestamp.from(r.createdAt()));
            st.setTimestamp(4, Timestamp.from(r.expiresAt()));
            st.setString(5, r.status().wireName());
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Reservation> find(Tx tx, String accountId, String reservationId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT id, account_id, created_at, expires_at, status FROM reservations WHERE id = ? AND account_id = ?")) {
            st.setString(1, reservationId);
            st.setString(2, accountId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Reservation(rs.getString("id"), rs.getString("account_id"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        Reservation.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT))));
            }
        }
    }

    @Override
    public void updateStatus(Tx tx, String reservationId, Reservation.Status status) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE reservations SET status = ? WHERE id = ?")) {
            st.setString(1, status.wireName());
            st.setString(2, reservationId);
            st.executeUpdate();
        }
    }
}
