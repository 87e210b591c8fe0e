package io.vpbx.admin.service.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.domain.staff.DepartmentMember;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.service.Patch;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DepartmentService over a real H2 database: member rules, tenancy, all-or-nothing changes, deletion guard. */
class DepartmentServiceTest {
    private final StaffTestBed bed = new StaffTestBed();
    private final List<Employee> staff = new ArrayList<>();
    private Employee outsider;

    @BeforeEach
    void hire() {
        for (int i = 1; i <= 4; i++) {
            staff.add(bed.employees.create(bed.acme, new EmployeeService.Draft("Employee " + i, "10" + i, "user" + i,
                    "password-" + i + "-long", null)));
        }
        outsider = bed.employees.create(bed.globex, new EmployeeService.Draft("Outsider", "101", "outsider", "password-outsider", null));
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private static DepartmentService.MemberDraft member(Employee employee, Integer ringSeconds) {
        return new DepartmentService.MemberDraft(employee.id(), ringSeconds);
    }

    private Department sales() {
        return bed.departments.create(bed.acme, new DepartmentService.Draft("Sales", "200", "hunt_in_order",
                List.of(member(staff.get(2), 30), member(staff.get(0), null), member(staff.get(1), 5))));
    }

    @Test
    void createKeepsTheMemberOrderAndDefaultsRingSecondsToTwenty() {
        Department sales = sales();
        assertEquals(RingStrategy.HUNT_IN_ORDER, sales.strategy());
        assertEquals(List.of(new DepartmentMember(staff.get(2).id(), 30), new DepartmentMember(staff.get(0).id(), 20),
                new DepartmentMember(staff.get(1).id(), 5)), sales.members());
        assertEquals(sales, bed.departments.get(bed.acme, sales.id()));
    }

    @Test
    void anotherAccountsEmployeeCannotBeAMember() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> bed.departments.create(bed.acme,
                new DepartmentService.Draft("Sales", null, "ring_all", List.of(member(outsider, null), member(staff.get(0), null)))));
        assertEquals("members[0].employee_id", e.field());
        assertTrue(bed.departments.list(bed.acme, null, 10).isEmpty());
    }

    @Test
    void memberListRulesNameTheEntry() {
        InvalidFieldException twice = assertThrows(InvalidFieldException.class, () -> bed.departments.create(bed.acme,
                new DepartmentService.Draft("Sales", null, "ring_all", List.of(member(staff.get(0), null), member(staff.get(0), 30)))));
        assertEquals("members[1].employee_id", twice.field());
        InvalidFieldException ring = assertThrows(InvalidFieldException.class, () -> bed.departments.create(bed.acme,
                new DepartmentService.Draft("Sales", null, "ring_all", List.of(member(staff.get(0), 301)))));
        assertEquals("members[0].ring_seconds", ring.field());
        List<DepartmentService.MemberDraft> tooMany = IntStream.range(0, 101)
                .mapToObj(i -> new DepartmentService.MemberDraft("e-" + i, null)).toList();
        InvalidFieldException size = assertThrows(InvalidFieldException.class, () -> bed.departments.create(bed.acme,
                new DepartmentService.Draft("Sales", null, "ring_all", tooMany)));
        assertEquals("members", size.field());
        InvalidFieldException strategy = assertThrows(InvalidFieldException.class, () -> bed.departments.create(bed.acme,
                new DepartmentService.Draft("Sales", null, "ring_some", List.of())));
        assertEquals("strategy", strategy.field());
    }

    @Test
    void aFailedUpdateLeavesTheOldMembersInPlace() {
        Department sales = sales();
        Patch<DepartmentService.Draft> patch = new Patch<>(Set.of("name", "members"), new DepartmentService.Draft(
                "Sales and Support", null, null, List.of(member(staff.get(3), null), member(staff.get(0), null), member(outsider, null))));
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> bed.departments.update(bed.acme, sales.id(), patch));
        assertEquals("members[2].employee_id", e.field());
        assertEquals(sales, bed.departments.get(bed.acme, sales.id()));
    }

    @Test
    void patchReplacesTheMemberListOnlyWhenPresent() {
        Department sales = sales();
        Department renamed = bed.departments.update(bed.acme, sales.id(), new Patch<>(Set.of("name", "strategy"),
                new DepartmentService.Draft("Sales team", null, "round_robin", null)));
        assertEquals(sales.members(), renamed.members());
        assertEquals(RingStrategy.ROUND_ROBIN, renamed.strategy());
        Department replaced = bed.departments.update(bed.acme, sales.id(), new Patch<>(Set.of("members", "extension"),
                new DepartmentService.Draft(null, null, null, List.of(member(staff.get(3), 60)))));
        assertEquals(List.of(new DepartmentMember(staff.get(3).id(), 60)), replaced.members());
        assertEquals(null, replaced.extension());
        assertEquals(replaced, bed.departments.get(bed.acme, sales.id()));
    }

    @Test
    void extensionMayNotBeAnEmployeesOrAnotherDepartments() {
        Department sales = sales();
        ConflictException employee = assertThrows(ConflictException.class, () -> bed.departments.create(bed.acme,
                new DepartmentService.Draft("Support", "101", "ring_all", List.of())));
        assertTrue(employee.getMessage().startsWith("extension:"), employee.getMessage());
        assertEquals(List.of("employee " + staff.get(0).id()), employee.blockers());
        ConflictException department = assertThrows(ConflictException.class, () -> bed.departments.create(bed.acme,
                new DepartmentService.Draft("Support", "200", "ring_all", List.of())));
        assertEquals(List.of("department " + sales.id()), department.blockers());
        bed.departments.create(bed.globex, new DepartmentService.Draft("Support", "200", "ring_all", List.of()));
    }

    @Test
    void anotherAccountsDepartmentIsNotFound() {
        Department sales = sales();
        assertThrows(NotFoundException.class, () -> bed.departments.get(bed.globex, sales.id()));
        assertThrows(NotFoundException.class, () -> bed.departments.delete(bed.globex, sales.id()));
        assertTrue(bed.departments.list(bed.globex, null, 10).isEmpty());
    }

    @Test
    void deleteIsRefusedWhileANumberForwardsToTheDepartment() {
        Department sales = sales();
        bed.forward("+74951230002", new ForwardingTarget.Department(sales.id()));
        ConflictException refused = assertThrows(ConflictException.class, () -> bed.departments.delete(bed.acme, sales.id()));
        assertEquals(List.of("forwarding of number +74951230002"), refused.blockers());
        assertEquals(sales, bed.departments.get(bed.acme, sales.id()));
    }

    @Test
    void deleteFreesTheMembersAndIsAudited() {
        Department sales = sales();
        bed.departments.delete(bed.acme, sales.id());
        assertThrows(NotFoundException.class, () -> bed.departments.get(bed.acme, sales.id()));
        bed.employees.delete(bed.acme, staff.get(0).id());
        AuditEvent deleted = bed.auditOfAcme().stream().filter(e -> e.action().equals("department.deleted")).findFirst().orElseThrow();
        assertEquals(3, deleted.changes().stream().filter(c -> c.field().equals("members")).findFirst().orElseThrow()
                .before().size());
    }
}
