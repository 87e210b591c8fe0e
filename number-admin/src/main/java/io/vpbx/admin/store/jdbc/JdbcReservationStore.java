package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.inventory.Reservation;
import io.vpbx.admin.store.ReservationStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

public final class JdbcReservationStore implements ReservationStore {

    @Override
    public void create(Tx tx, Reservation r) throws SQLException {
        IdQueries.update(tx, "INSERT INTO reservations (id, account_id, created_at, expires_at, status) VALUES (?, ?, ?, ?, ?)",
                r.id(), r.accountId(), Timestamp.from(r.createdAt()), Timestamp.from(r.expiresAt()), r.status().wireName());
    }

    @Override
    public Optional<Reservation> find(Tx tx, String accountId, String reservationId) throws SQLException {
        return IdQueries.firstRow(tx, rs -> new Reservation(rs.getString("id"), rs.getString("account_id"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        Reservation.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT))),
                "SELECT id, account_id, created_at, expires_at, status FROM reservations WHERE id = ? AND account_id = ?",
                reservationId, accountId);
    }

    @Override
    public void updateStatus(Tx tx, String reservationId, Reservation.Status status) throws SQLException {
        IdQueries.update(tx, "UPDATE reservations SET status = ? WHERE id = ?", status.wireName(), reservationId);
    }
}
