package io.vpbx.admin.store;

import java.sql.SQLException;

/** Departments: ordered groups of employees rung by a strategy. */
public interface DepartmentStore {
    boolean exists(Tx tx, String accountId, String departmentId) throws SQLException;
}
