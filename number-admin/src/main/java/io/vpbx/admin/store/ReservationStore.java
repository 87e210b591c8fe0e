package io.vpbx.admin.store;

import io.vpbx.admin.domain.inventory.Reservation;
import java.sql.SQLException;
import java.util.Optional;

/** Reservations: a hold by one account on some numbers until a deadline. */
public interface ReservationStore {
    void create(Tx tx, Reservation reservation) throws SQLException;

    Optional<Reservation> find(Tx tx, String accountId, String reservationId) throws SQLException;

    void updateStatus(Tx tx, String reservationId, Reservation.Status status) throws SQLException;
}
