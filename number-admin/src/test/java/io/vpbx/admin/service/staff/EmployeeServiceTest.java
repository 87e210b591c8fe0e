package io.vpbx.admin.service.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.service.Patch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EmployeeService over a real H2 database: credentials, uniqueness, tenancy, deletion guards, audit. */
class EmployeeServiceTest {
    private static final String PASSWORD = "s3cret-Passw0rd";

    private final StaffTestBed bed = new StaffTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    private Employee anna() {
        return bed.employees.create(bed.acme, new EmployeeService.Draft("Anna", "101", "anna", PASSWORD, "8 (916) 123-45-67"));
    }

    private static Patch<EmployeeService.Draft> patch(EmployeeService.Draft values, String... fields) {
        return new Patch<>(Set.of(fields), values);
    }

    @Test
    void createKeepsOnlyTheDigestsAndNormalisesTheMobile() {
        Employee created = anna();
        assertEquals(DigestCredentials.derive("anna", StaffTestBed.REALM, PASSWORD), created.credentials());
        assertEquals("+79161234567", created.mobile());
        assertEquals(created, bed.employees.get(bed.acme, created.id()));
        assertEquals(created, bed.database().inTransaction(tx -> bed.employeeStore.findBySipUsername(tx, "anna")).orElseThrow());
    }

    @Test
    void badFieldsAreNamed() {
        InvalidFieldException mobile = assertThrows(InvalidFieldException.class, () -> bed.employees.create(bed.acme,
                new EmployeeService.Draft("Anna", "101", "anna", PASSWORD, "12345")));
        assertEquals("mobile", mobile.field());
        InvalidFieldException password = assertThrows(InvalidFieldException.class, () -> bed.employees.create(bed.acme,
                new EmployeeService.Draft("Anna", "101", "anna", "short", null)));
        assertEquals("sip_password", password.field());
        assertTrue(bed.employees.list(bed.acme, null, 10).isEmpty());
    }

    @Test
    void extensionIsUniqueAcrossTheAccountsEmployeesAndDepartments() {
        Employee anna = anna();
        ConflictException taken = assertThrows(ConflictException.class, () -> bed.employees.create(bed.acme,
                new EmployeeService.Draft("Boris", "101", "boris", PASSWORD, null)));
        assertTrue(taken.getMessage().startsWith("extension:"), taken.getMessage());
        assertEquals(List.of("employee " + anna.id()), taken.blockers());
        var sales = bed.departments.create(bed.acme, new DepartmentService.Draft("Sales", "200", "ring_all", null));
        ConflictException department = assertThrows(ConflictException.class, () -> bed.employees.create(bed.acme,
                new EmployeeService.Draft("Boris", "200", "boris", PASSWORD, null)));
        assertEquals(List.of("department " + sales.id()), department.blockers());
        bed.employees.create(bed.globex, new EmployeeService.Draft("Boris", "101", "boris", PASSWORD, null));
    }

    @Test
    void sipUsernameIsUniqueOnThePlatformWithoutNamingTheOtherAccount() {
        anna();
        ConflictException taken = assertThrows(ConflictException.class, () -> bed.employees.create(bed.globex,
                new EmployeeService.Draft("Anna", "101", "anna", PASSWORD, null)));
        assertTrue(taken.getMessage().startsWith("sip_username:"), taken.getMessage());
        assertEquals(List.of(), taken.blockers(), "another account's employee is not described, not even as such");
        assertFalse(taken.getMessage().contains("another account"), taken.getMessage());
    }

    @Test
    void changingTheUsernameNeedsThePasswordAndRecomputesBothDigests() {
        Employee anna = anna();
        InvalidFieldException missing = assertThrows(InvalidFieldException.class, () -> bed.employees.update(bed.acme, anna.id(),
                patch(new EmployeeService.Draft(null, null, "anna.p", null, null), "sip_username")));
        assertEquals("sip_password", missing.field());
        Employee renamed = bed.employees.update(bed.acme, anna.id(),
                patch(new EmployeeService.Draft(null, null, "anna.p", "another-password", null), "sip_username", "sip_password"));
        assertEquals(DigestCredentials.derive("anna.p", StaffTestBed.REALM, "another-password"), renamed.credentials());
        assertEquals(renamed, bed.employees.get(bed.acme, anna.id()));
        assertTrue(bed.database().inTransaction(tx -> bed.employeeStore.findBySipUsername(tx, "anna")).isEmpty());
    }

    @Test
    void mergePatchChangesOnlyThePresentFields() {
        Employee anna = anna();
        Employee changed = bed.employees.update(bed.acme, anna.id(),
                patch(new EmployeeService.Draft("Anna Petrova", null, null, null, null), "name", "mobile"));
        assertEquals("Anna Petrova", changed.name());
        assertEquals(null, changed.mobile(), "mobile: null clears it");
        assertEquals("101", changed.extension());
        assertEquals(anna.credentials(), changed.credentials());
        InvalidFieldException empty = assertThrows(InvalidFieldException.class,
                () -> bed.employees.update(bed.acme, anna.id(), patch(new EmployeeService.Draft(null, null, null, null, null))));
        assertEquals("body", empty.field());
    }

    @Test
    void anotherAccountsEmployeeIsNotFound() {
        Employee anna = anna();
        assertThrows(NotFoundException.class, () -> bed.employees.get(bed.globex, anna.id()));
        assertThrows(NotFoundException.class, () -> bed.employees.update(bed.globex, anna.id(),
                patch(new EmployeeService.Draft("Mallory", null, null, null, null), "name")));
        assertThrows(NotFoundException.class, () -> bed.employees.delete(bed.globex, anna.id()));
        assertEquals("Anna", bed.employees.get(bed.acme, anna.id()).name());
    }

    @Test
    void deleteIsRefusedWhileADepartmentOrANumberUsesTheEmployee() {
        Employee anna = anna();
        var sales = bed.departments.create(bed.acme, new DepartmentService.Draft("Sales", null, "ring_all",
                List.of(new DepartmentService.MemberDraft(anna.id(), null))));
        bed.forward("+74951230001", new ForwardingTarget.Employee(anna.id()));
        ConflictException refused = assertThrows(ConflictException.class, () -> bed.employees.delete(bed.acme, anna.id()));
        assertEquals(List.of("forwarding of number +74951230001", "department " + sales.id()), refused.blockers());
        assertEquals(anna, bed.employees.get(bed.acme, anna.id()));
    }

    @Test
    void deleteRemovesAnUnusedEmployee() {
        Employee anna = anna();
        bed.employees.delete(bed.acme, anna.id());
        assertThrows(NotFoundException.class, () -> bed.employees.get(bed.acme, anna.id()));
        assertThrows(NotFoundException.class, () -> bed.employees.delete(bed.acme, anna.id()));
    }

    @Test
    void auditShowsEveryChangeButNeverThePasswordOrAHash() throws Exception {
        Employee anna = anna();
        bed.employees.update(bed.acme, anna.id(),
                patch(new EmployeeService.Draft(null, "102", null, "another-password", null), "extension", "sip_password"));
        bed.employees.update(bed.acme, anna.id(), patch(new EmployeeService.Draft(null, null, null, PASSWORD, null), "sip_password"));
        bed.employees.delete(bed.acme, anna.id());

        List<AuditEvent> events = bed.auditOfAcme();
        assertEquals(List.of("employee.deleted", "employee.updated", "employee.updated", "employee.created"),
                events.stream().map(AuditEvent::action).toList());
        String all = bed.json(events);
        for (String secret : List.of(PASSWORD, "another-password", anna.credentials().ha1Md5(), anna.credentials().ha1Sha256(),
                DigestCredentials.derive("anna", StaffTestBed.REALM, "another-password").ha1Md5(),
                DigestCredentials.derive("anna", StaffTestBed.REALM, "another-password").ha1Sha256())) {
            assertFalse(all.contains(secret), "the audit log must not contain a password or an HA1");
        }
        AuditEvent firstUpdate = events.get(2);
        assertEquals(List.of("extension", "sip_password"), firstUpdate.changes().stream().map(c -> c.field()).toList());
        assertEquals("101", firstUpdate.changes().get(0).before().asText());
        assertEquals("102", firstUpdate.changes().get(0).after().asText());
        assertEquals(EmployeeService.PASSWORD_CHANGED, firstUpdate.changes().get(1).after().asText());
        AuditEvent created = events.get(3);
        assertEquals(List.of("name", "extension", "sip_username", "sip_password", "mobile"),
                created.changes().stream().map(c -> c.field()).toList());
        assertEquals("req-1", created.requestId());
        assertEquals(anna.id(), created.resourceId());
    }
}
