package io.vpbx.admin.store;

import java.sql.SQLException;

/** Employees of accounts: people who answer calls, with their SIP credentials as digest hashes. */
public interface EmployeeStore {
    boolean exists(Tx tx, String accountId, String employeeId) throws SQLException;
}
