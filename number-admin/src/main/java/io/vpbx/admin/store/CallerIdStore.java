package io.vpbx.admin.store;

import io.vpbx.admin.domain.inventory.NumberUser;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which number each employee shows when calling out. */
public interface CallerIdStore {
    Optional<String> find(Tx tx, String employeeId) throws SQLException;

    void put(Tx tx, String accountId, String employeeId, String e164) throws SQLException;

    void delete(Tx tx, String employeeId) throws SQLException;

    /** Every employee's chosen caller ID by employee id (the SIP side's routing table loads them at startup). */
    Map<String, String> all(Tx tx) throws SQLException;

    /** Employees using the number as their caller ID (blocks disconnecting it). */
    List<NumberUser> usersOf(Tx tx, String e164) throws SQLException;
}
