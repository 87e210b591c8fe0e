package io.vpbx.admin.store;

import io.vpbx.admin.domain.inventory.NumberUser;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Which number each employee shows when calling out. */
public interface CallerIdStore {
    Optional<String> find(Tx tx, String employeeId) throws SQLException;

    void put(Tx tx, String accountId, String employeeId, String e164) throws SQLException;

    void delete(Tx tx, String employeeId) throws SQLException;

    /** Employees using the number as their caller ID (blocks disconnecting it). */
    List<NumberUser> usersOf(Tx tx, String e164) throws SQLException;
}
