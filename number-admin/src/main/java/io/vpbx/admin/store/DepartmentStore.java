package io.vpbx.admin.store;

import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.staff.Department;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Departments: ordered groups of employees rung by a strategy. A department is read and written with its
 * members as a whole, in member order. Reads by id are scoped to an account. A write that would give two
 * departments of an account one extension throws {@link io.vpbx.admin.domain.ConflictException}.
 */
public interface DepartmentStore extends AccountResourceStore<Department> {
    boolean exists(Tx tx, String accountId, String departmentId) throws SQLException;

    Optional<Department> findByExtension(Tx tx, String accountId, String extension) throws SQLException;

    /** The department, whichever account it belongs to: for the SIP routing feed, which hears only an id. */
    Optional<Department> findInAnyAccount(Tx tx, String departmentId) throws SQLException;

    /** Departments of every account by id, after {@code afterId} (null: from the start), at most {@code limit}. */
    List<Department> listAllAccounts(Tx tx, String afterId, int limit) throws SQLException;

    /** The departments (of any account) that list {@code employeeId} as a member: what stops its deletion. */
    List<NumberUser> memberships(Tx tx, String employeeId) throws SQLException;
}
