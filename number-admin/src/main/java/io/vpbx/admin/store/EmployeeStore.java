package io.vpbx.admin.store;

import io.vpbx.admin.domain.staff.Employee;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Employees of accounts: people who answer calls, with their SIP credentials as digest hashes. Every
 * read by id is scoped to an account, so another account's employee is simply absent. Writes that would
 * give two employees one extension in an account, or one SIP username on the platform, throw
 * {@link io.vpbx.admin.domain.ConflictException}.
 */
public interface EmployeeStore extends AccountResourceStore<Employee> {
    boolean exists(Tx tx, String accountId, String employeeId) throws SQLException;

    Optional<Employee> findByExtension(Tx tx, String accountId, String extension) throws SQLException;

    /** The employee of any account who registers as {@code sipUsername}: what the registrar looks up. */
    Optional<Employee> findBySipUsername(Tx tx, String sipUsername) throws SQLException;

    /** The employee, whichever account it belongs to: for the SIP routing feed, which hears only an id. */
    Optional<Employee> findInAnyAccount(Tx tx, String employeeId) throws SQLException;

    /** Employees of every account that have a mobile, by id, after {@code afterId} (null: from the start), at most {@code limit}. */
    /** Employees of every account in id order, after {@code afterId}: the SIP side's load of who belongs where. */
    List<Employee> listAllAccounts(Tx tx, String afterId, int limit) throws SQLException;

}
