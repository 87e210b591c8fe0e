package io.vpbx.admin.service;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.store.DepartmentStore;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;

/**
 * Checks that a forwarding target refers to something that exists: the account's own employee or
 * department, or a number held on the platform (not the number itself).
 */
public final class ForwardingReferences {
    private final EmployeeStore employees;
    private final DepartmentStore departments;
    private final NumberStore numbers;

    public ForwardingReferences(EmployeeStore employees, DepartmentStore departments, NumberStore numbers) {
        this.employees = employees;
        this.departments = departments;
        this.numbers = numbers;
    }

    public void check(Tx tx, String accountId, String forNumber, String field, ForwardingTarget target) throws SQLException {
        if (target instanceof ForwardingTarget.Employee e && !employees.exists(tx, accountId, e.employeeId())) {
            throw new InvalidFieldException(field + ".employee_id", "no employee " + e.employeeId() + " in this account");
        }
        if (target instanceof ForwardingTarget.Department d && !departments.exists(tx, accountId, d.departmentId())) {
            throw new InvalidFieldException(field + ".department_id", "no department " + d.departmentId() + " in this account");
        }
        if (target instanceof ForwardingTarget.PlatformPbx p) {
            if (p.number().equals(forNumber)) {
                throw new InvalidFieldException(field + ".number", "a number cannot forward to itself");
            }
            boolean held = numbers.find(tx, p.number()).map(NumberRecord::state).map(s -> s.isOwned()).orElse(false);
            if (!held) {
                throw new InvalidFieldException(field + ".number", p.number() + " is not a number in service on vpbx");
            }
        }
    }
}
