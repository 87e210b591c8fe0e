package io.vpbx.admin.store;

import io.vpbx.admin.domain.staff.SipRegistration;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Employees' phone registrations, one row per employee and contact URI, shared by every node on the
 * database. Rows are written off the SIP thread; reads stream, since a busy platform holds many.
 */
public interface SipRegistrationStore {
    /** Inserts the row or replaces the one with the same employee and contact URI (last writer wins). */
    void save(Tx tx, SipRegistration registration) throws SQLException;

    /** Streams the rows still live at {@code now}: what a starting node loads. Returns how many. */
    int unexpired(Tx tx, Instant now, Consumer<SipRegistration> sink) throws SQLException;

    /** Streams the rows with {@code updatedAt} after {@code since}, oldest change first. Returns how many. */
    int changedSince(Tx tx, Instant since, Consumer<SipRegistration> sink) throws SQLException;

    /** Deletes rows expired (or removed) before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Tx tx, Instant cutoff) throws SQLException;
}
