package io.vpbx.admin.store;

import io.vpbx.admin.domain.thirdparty.RegistrationHistoryEntry;
import io.vpbx.admin.domain.thirdparty.RegistrationStatus;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Third-party lines' registration status (one row per line) and its history of transitions. */
public interface RegistrationStatusStore {

    /** The stored status of each of {@code e164s} that has one. */
    Map<String, RegistrationStatus> find(Tx tx, Collection<String> e164s) throws SQLException;

    /** As {@link #find}, the rows locked until the transaction ends. */
    Map<String, RegistrationStatus> lock(Tx tx, Collection<String> e164s) throws SQLException;

    /** Inserts the status of a line that has none yet, or replaces the one it has. */
    void put(Tx tx, RegistrationStatus status, boolean exists) throws SQLException;

    void append(Tx tx, List<RegistrationHistoryEntry> entries) throws SQLException;

    /** The line's latest {@code limit} transitions, newest first. */
    List<RegistrationHistoryEntry> history(Tx tx, String e164, int limit) throws SQLException;
}
