package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.domain.staff.DepartmentMember;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every DepartmentStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface DepartmentStoreContract extends AccountResourceStoreContract<Department> {
    DepartmentStore departments();

    @Override
    default AccountResourceStore<Department> resources() {
        return departments();
    }

    @Override
    default Department resource(String id, String accountId, int n) {
        return department(id, accountId, "20" + n, members("e-1"));
    }

    @Override
    default String idOf(Department department) {
        return department.id();
    }

    EmployeeStore employees();


    @Override
    default void seed() {
        AccountResourceStoreContract.super.seed();
        inTx(tx -> {
            for (int i = 1; i <= 5; i++) {
                employees().create(tx, new Employee("e-" + i, "acc-1", "Employee " + i, "10" + i, "user" + i,
                        DigestCredentials.derive("user" + i, "vpbx", "password-" + i), null, T0, T0));
            }
            return null;
        });
    }

    private static Department department(String id, String accountId, String extension, List<DepartmentMember> members) {
        return new Department(id, accountId, "Department " + id, extension, RingStrategy.HUNT_IN_ORDER, members, T0, T0);
    }

    private static List<DepartmentMember> members(String... employeeIds) {
        return Arrays.stream(employeeIds).map(id -> new DepartmentMember(id, 20)).toList();
    }

    @Test
    default void createdDepartmentReadsBackWithMembersInOrder() {
        Department sales = new Department("d-1", "acc-1", "Sales", "200", RingStrategy.MEMORY_HUNT,
                List.of(new DepartmentMember("e-3", 10), new DepartmentMember("e-1", 300), new DepartmentMember("e-2", 5)),
                T0, T0.plusSeconds(1));
        create(sales);
        assertEquals(Optional.of(sales), find("acc-1", "d-1"));
        assertEquals(Optional.of(sales), inTx(tx -> departments().lock(tx, "acc-1", "d-1")));
        assertEquals(Optional.of(sales), inTx(tx -> departments().findByExtension(tx, "acc-1", "200")));
        assertTrue(holds(tx -> departments().exists(tx, "acc-1", "d-1")));
    }

    @Test
    default void aDepartmentMayHaveNoMembersAndNoExtension() {
        create(department("d-1", "acc-1", null, List.of()));
        create(department("d-2", "acc-1", null, List.of()));
        assertEquals(List.of(), find("acc-1", "d-1").orElseThrow().members());
        assertEquals(2, inTx(tx -> departments().list(tx, "acc-1", null, 10)).size());
    }

    @Test
    default void anotherAccountsDepartmentIsAbsentByExtensionToo() {
        create(department("d-1", "acc-1", "200", members("e-1")));
        assertTrue(inTx(tx -> departments().findByExtension(tx, "acc-2", "200")).isEmpty());
        assertFalse(holds(tx -> departments().exists(tx, "acc-2", "d-1")));
    }

    @Test
    default void extensionIsUniqueInAnAccountOnly() {
        create(department("d-1", "acc-1", "200", List.of()));
        ConflictException e = assertThrows(ConflictException.class, () -> create(department("d-2", "acc-1", "200", members("e-1"))));
        assertTrue(e.getMessage().startsWith("extension"), e.getMessage());
        assertTrue(find("acc-1", "d-2").isEmpty());
        create(department("d-3", "acc-2", "200", List.of()));
    }

    @Test
    default void updateReplacesFieldsAndTheWholeMemberList() {
        create(department("d-1", "acc-1", "200", members("e-1", "e-2", "e-3")));
        Department changed = new Department("d-1", "acc-1", "Support", null, RingStrategy.ROUND_ROBIN,
                List.of(new DepartmentMember("e-5", 60), new DepartmentMember("e-2", 20)), T0, T0.plusSeconds(60));
        inTx(tx -> {
            departments().update(tx, changed);
            return null;
        });
        assertEquals(Optional.of(changed), find("acc-1", "d-1"));
        assertEquals(List.of(), inTx(tx -> departments().memberships(tx, "e-1")));
    }

    @Test
    default void membershipsListEveryDepartmentOfAnEmployee() {
        create(department("d-1", "acc-1", null, members("e-1", "e-2")));
        create(department("d-2", "acc-1", null, members("e-2")));
        List<NumberUser> users = inTx(tx -> departments().memberships(tx, "e-2"));
        assertEquals(List.of(new NumberUser("department", "d-1", "acc-1"), new NumberUser("department", "d-2", "acc-1")), users);
    }

    @Test
    default void deleteTakesTheMemberListWithIt() {
        create(department("d-1", "acc-1", "200", members("e-1", "e-2")));
        assertTrue(holds(tx -> departments().delete(tx, "acc-1", "d-1")));
        assertTrue(find("acc-1", "d-1").isEmpty());
        assertEquals(List.of(), inTx(tx -> departments().memberships(tx, "e-1")));
        assertTrue(holds(tx -> employees().delete(tx, "acc-1", "e-1")),
                "no member row is left to hold the employee");
    }

    @Test
    default void theRoutingFeedReadsDepartmentsOfEveryAccount() {
        create(department("d-1", "acc-1", "200", members("e-2", "e-1")));
        create(department("d-2", "acc-2", "200", List.of()));
        create(department("d-3", "acc-1", null, members("e-3")));
        assertEquals(find("acc-2", "d-2"), inTx(tx -> departments().findInAnyAccount(tx, "d-2")));
        assertEquals(members("e-2", "e-1"), inTx(tx -> departments().findInAnyAccount(tx, "d-1"))
                .orElseThrow().members());
        assertTrue(inTx(tx -> departments().findInAnyAccount(tx, "d-9")).isEmpty());
        List<Department> first = inTx(tx -> departments().listAllAccounts(tx, null, 2));
        List<Department> rest = inTx(tx -> departments().listAllAccounts(tx, "d-2", 2));
        assertEquals(List.of("d-1", "d-2"), first.stream().map(Department::id).toList());
        assertEquals(List.of("d-3"), rest.stream().map(Department::id).toList());
        assertEquals(members("e-3"), rest.get(0).members());
    }

    @Test
    default void listPagesThroughOneAccountByIdWithMembers() {
        for (int i = 0; i < 5; i++) {
            create(department("d-" + i, "acc-1", "20" + i, i == 0 ? members("e-1", "e-2") : members("e-" + (i + 1), "e-1")));
        }
        List<Department> first = inTx(tx -> departments().list(tx, "acc-1", null, 3));
        List<Department> rest = inTx(tx -> departments().list(tx, "acc-1", "d-2", 3));
        assertEquals(List.of("d-0", "d-1", "d-2"), first.stream().map(Department::id).toList());
        assertEquals(List.of("d-3", "d-4"), rest.stream().map(Department::id).toList());
        assertEquals(members("e-4", "e-1"), rest.get(0).members());
        assertEquals(members("e-1", "e-2"), first.get(0).members());
    }
}
