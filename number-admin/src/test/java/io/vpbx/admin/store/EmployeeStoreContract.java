package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every EmployeeStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface EmployeeStoreContract extends AccountResourceStoreContract<Employee> {
    EmployeeStore employees();

    @Override
    default AccountResourceStore<Employee> resources() {
        return employees();
    }

    @Override
    default Employee resource(String id, String accountId, int n) {
        return employee(id, accountId, "10" + n, "user" + n);
    }

    @Override
    default String idOf(Employee employee) {
        return employee.id();
    }


    private static Employee employee(String id, String accountId, String extension, String username) {
        return new Employee(id, accountId, "Employee " + id, extension, username,
                DigestCredentials.derive(username, "vpbx", "password-" + id), null, T0, T0);
    }

    @Test
    default void createdEmployeeReadsBackWithItsDigests() {
        Employee anna = new Employee("e-1", "acc-1", "Anna", "101", "anna", DigestCredentials.derive("anna", "vpbx", "0123456789"),
                "+79161234567", "anna@acme.example", T0, T0.plusSeconds(5));
        create(anna);
        assertEquals(Optional.of(anna), find("acc-1", "e-1"));
        assertEquals(Optional.of(anna), inTx(tx -> employees().lock(tx, "acc-1", "e-1")));
        assertEquals(Optional.of(anna), inTx(tx -> employees().findByExtension(tx, "acc-1", "101")));
        assertTrue(holds(tx -> employees().exists(tx, "acc-1", "e-1")));
    }

    @Test
    default void findBySipUsernameLooksAcrossAccountsAndMatchesExactly() {
        create(employee("e-1", "acc-1", "101", "anna"));
        create(employee("e-2", "acc-2", "101", "boris"));
        assertEquals("e-2", inTx(tx -> employees().findBySipUsername(tx, "boris")).orElseThrow().id());
        assertEquals(employee("e-1", "acc-1", "101", "anna"),
                inTx(tx -> employees().findBySipUsername(tx, "anna")).orElseThrow());
        assertTrue(inTx(tx -> employees().findBySipUsername(tx, "ann")).isEmpty());
    }

    @Test
    default void anotherAccountsEmployeeIsAbsentByExtensionToo() {
        create(employee("e-1", "acc-1", "101", "anna"));
        assertTrue(inTx(tx -> employees().findByExtension(tx, "acc-2", "101")).isEmpty());
        assertFalse(holds(tx -> employees().exists(tx, "acc-2", "e-1")));
    }

    @Test
    default void extensionIsUniqueInAnAccountOnly() {
        create(employee("e-1", "acc-1", "101", "anna"));
        ConflictException e = assertThrows(ConflictException.class, () -> create(employee("e-2", "acc-1", "101", "boris")));
        assertTrue(e.getMessage().startsWith("extension"), e.getMessage());
        create(employee("e-3", "acc-2", "101", "boris"));
        assertTrue(find("acc-1", "e-2").isEmpty());
    }

    @Test
    default void sipUsernameIsUniqueOnThePlatform() {
        create(employee("e-1", "acc-1", "101", "anna"));
        ConflictException e = assertThrows(ConflictException.class, () -> create(employee("e-2", "acc-2", "102", "anna")));
        assertTrue(e.getMessage().startsWith("sip_username"), e.getMessage());
        create(employee("e-3", "acc-1", "103", "extension"));
        ConflictException named = assertThrows(ConflictException.class,
                () -> create(employee("e-4", "acc-2", "104", "extension")));
        assertTrue(named.getMessage().startsWith("sip_username"), "a username that reads 'extension' still names the username");
    }

    @Test
    default void updateRewritesEveryFieldButIdentityAndConflictsAreReported() {
        create(employee("e-1", "acc-1", "101", "anna"));
        create(employee("e-2", "acc-1", "102", "boris"));
        Employee changed = new Employee("e-1", "acc-1", "Anna P.", "105", "anna.p",
                DigestCredentials.derive("anna.p", "vpbx", "new-password"), "+79161234567", T0, T0.plusSeconds(60));
        inTx(tx -> {
            employees().update(tx, changed);
            return null;
        });
        assertEquals(Optional.of(changed), find("acc-1", "e-1"));
        Employee clash = new Employee("e-1", "acc-1", "Anna P.", "102", "anna.p", changed.credentials(), null, T0, T0);
        assertThrows(ConflictException.class, () -> inTx(tx -> {
            employees().update(tx, clash);
            return null;
        }));
        assertEquals(Optional.of(changed), find("acc-1", "e-1"), "the refused update changed nothing");
    }

    @Test
    default void theRoutingFeedReadsEmployeesOfEveryAccountPageByPage() {
        create(employee("e-1", "acc-1", "101", "anna"));
        Employee boris = new Employee("e-2", "acc-2", "Boris", "101", "boris", DigestCredentials.derive("boris", "vpbx", "password-2"),
                "+79031112233", T0, T0);
        create(boris);
        create(new Employee("e-3", "acc-1", "Vera", "103", "vera", DigestCredentials.derive("vera", "vpbx", "password-3"),
                "+79265550011", T0, T0));
        assertEquals(Optional.of(boris), inTx(tx -> employees().findInAnyAccount(tx, "e-2")));
        assertTrue(inTx(tx -> employees().findInAnyAccount(tx, "e-9")).isEmpty());
        List<Employee> first = inTx(tx -> employees().listAllAccounts(tx, null, 2));
        List<Employee> rest = inTx(tx -> employees().listAllAccounts(tx, "e-2", 5));
        assertEquals(List.of("e-1", "e-2"), first.stream().map(Employee::id).toList(), "both accounts, in id order");
        assertEquals(boris, first.get(1));
        assertEquals(List.of("e-3"), rest.stream().map(Employee::id).toList());
    }

}
