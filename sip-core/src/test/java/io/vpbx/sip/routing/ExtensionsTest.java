package io.vpbx.sip.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The routing table's extensions: per account, following an employee's or a department's change, gone with them. */
class ExtensionsTest {
    private final RoutingTable table = new RoutingTable();

    @Test
    void anExtensionNamesTheEmployeeOrDepartmentOfThatAccountOnly() {
        table.put(new EmployeeEntry("e-1", "acme", "Anna", "102", null, null));
        table.put(new EmployeeEntry("e-2", "other", "Olga", "102", null, null));
        table.put(new DepartmentPlan("d-1", RingStrategy.RING_ALL, List.of(), "acme", "200"));

        assertEquals(Optional.of(new Target.Employee("e-1")), table.extension("acme", "102"));
        assertEquals(Optional.of(new Target.Employee("e-2")), table.extension("other", "102"));
        assertEquals(Optional.of(new Target.Department("d-1")), table.extension("acme", "200"));
        assertEquals(Optional.empty(), table.extension("other", "200"));
        assertEquals(Optional.empty(), table.extension("acme", "103"));
    }

    @Test
    void aNewExtensionReplacesTheOldAndRemovalForgetsIt() {
        table.put(new EmployeeEntry("e-1", "acme", "Anna", "102", null, null));
        table.put(new EmployeeEntry("e-1", "acme", "Anna", "105", null, null));
        assertEquals(Optional.empty(), table.extension("acme", "102"));
        assertEquals(Optional.of(new Target.Employee("e-1")), table.extension("acme", "105"));

        table.put(new EmployeeEntry("e-2", "acme", "Boris", "102", null, null));
        table.removeEmployee("e-1");
        assertEquals(Optional.empty(), table.extension("acme", "105"));
        assertEquals(Optional.of(new Target.Employee("e-2")), table.extension("acme", "102"));

        table.put(new DepartmentPlan("d-1", RingStrategy.RING_ALL, List.of(), "acme", "300"));
        table.put(new DepartmentPlan("d-1", RingStrategy.RING_ALL, List.of(), "acme", null));
        assertEquals(Optional.empty(), table.extension("acme", "300"), "a department whose extension was cleared");
        table.put(new DepartmentPlan("d-1", RingStrategy.RING_ALL, List.of(), "acme", "300"));
        table.removeDepartment("d-1");
        assertEquals(Optional.empty(), table.extension("acme", "300"));
    }

    @Test
    void anExtensionTakenOverKeepsItsNewOwnerWhenTheOldOneLeaves() {
        table.put(new EmployeeEntry("e-1", "acme", "Anna", "102", null, null));
        table.put(new DepartmentPlan("d-1", RingStrategy.RING_ALL, List.of(), "acme", "102"));
        table.removeEmployee("e-1");
        assertEquals(Optional.of(new Target.Department("d-1")), table.extension("acme", "102"));
    }
}
