package io.vpbx.admin.store;

import io.vpbx.admin.domain.inventory.CatalogEntry;
import io.vpbx.admin.domain.inventory.CatalogQuery;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.inventory.OwnedNumbersQuery;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.domain.price.PriceTable;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The number inventory: catalog entries and their lifecycle. */
public interface NumberStore {

    /** Adds entries as available numbers; numbers already present are left as they are. Returns how many were added. */
    int importEntries(Tx tx, List<CatalogEntry> entries, Instant at) throws SQLException;

    /** Available numbers matching the query, in its order, at most {@code limit}. */
    List<NumberRecord> search(Tx tx, CatalogQuery query) throws SQLException;

    Optional<NumberRecord> find(Tx tx, String e164) throws SQLException;

    /** The numbers that exist among {@code e164s}, locked until the transaction ends, in number order. */
    List<NumberRecord> lock(Tx tx, Collection<String> e164s) throws SQLException;

    /** Writes a record's lifecycle and settings fields (the catalog fields never change). */
    void save(Tx tx, NumberRecord record) throws SQLException;

    List<NumberRecord> listOwned(Tx tx, OwnedNumbersQuery query) throws SQLException;

    /** The numbers of a reservation, locked. */
    List<NumberRecord> lockReservation(Tx tx, String reservationId) throws SQLException;

    /** Numbers in {@code state} whose reservation or quarantine ended before {@code now}, locked, at most {@code limit}. */
    List<NumberRecord> lockExpired(Tx tx, NumberState state, Instant now, int limit) throws SQLException;

    /** Numbers with this suspension since before {@code before}, locked, at most {@code limit}. */
    List<NumberRecord> lockSuspendedSince(Tx tx, io.vpbx.admin.domain.lifecycle.Suspension suspension, Instant before, int limit)
            throws SQLException;

    /** Numbers held by any account (pending, active or blocked) after {@code afterE164}, in number order. */
    List<NumberRecord> inService(Tx tx, String afterE164, int limit) throws SQLException;

    /**
     * Forwarding rules of numbers (of any account) that point at {@code reference}: a number, employee or department
     * id, as the target or as the closed-hours target of a scheduled forwarding.
     */
    List<NumberUser> forwardingUsers(Tx tx, String reference) throws SQLException;

    /** Numbers in service (of any account) whose forwarding follows the schedule: what stops its deletion. */
    List<NumberUser> scheduleUsers(Tx tx, String scheduleId) throws SQLException;

    /** Numbers in service (of any account) whose fallback plays {@code mediaId}: a voice message or a voicemail greeting. */
    List<NumberUser> fallbackMediaUsers(Tx tx, String mediaId) throws SQLException;

    /**
     * Recomputes every number's fees from the table; returns the number of rows changed. Third-party numbers keep
     * their zero price: another operator bills them.
     */
    int reprice(Tx tx, PriceTable table) throws SQLException;

    /** Deletes the number's row (a third-party number leaving vpbx, never a catalog number); returns whether it existed. */
    boolean delete(Tx tx, String e164) throws SQLException;
}
