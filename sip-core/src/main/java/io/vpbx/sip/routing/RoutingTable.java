package io.vpbx.sip.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory routing data the call path reads; it never touches the database. Entries are immutable
 * and replaced whole (copy-on-write per entry): readers never lock and always see a complete entry, and
 * an admin change reaches the next call as soon as its entry is put.
 */
public final class RoutingTable {
    private final Map<String, RouteEntry> numbers = new ConcurrentHashMap<>();
    private final Map<String, DepartmentPlan> departments = new ConcurrentHashMap<>();
    private final Map<String, Trunk> trunksBySource = new ConcurrentHashMap<>();
    private final Map<String, String> employeeMobiles = new ConcurrentHashMap<>();

    public Optional<RouteEntry> number(String e164) {
        return Optional.ofNullable(numbers.get(e164));
    }

    public Optional<DepartmentPlan> department(String departmentId) {
        return Optional.ofNullable(departments.get(departmentId));
    }

    public Optional<Trunk> trunkFrom(String sourceAddress) {
        return Optional.ofNullable(trunksBySource.get(sourceAddress));
    }

    /** The external mobile an employee's calls also ring, if configured. */
    public Optional<String> mobileOf(String employeeId) {
        return Optional.ofNullable(employeeMobiles.get(employeeId));
    }

    public void put(RouteEntry entry) {
        numbers.put(entry.e164(), entry);
    }

    public void removeNumber(String e164) {
        numbers.remove(e164);
    }

    public void put(DepartmentPlan plan) {
        departments.put(plan.departmentId(), plan);
    }

    public void removeDepartment(String departmentId) {
        departments.remove(departmentId);
    }

    public void put(Trunk trunk) {
        trunksBySource.put(trunk.sourceAddress(), trunk);
    }

    public void setMobile(String employeeId, String e164) {
        if (e164 == null) {
            employeeMobiles.remove(employeeId);
        } else {
            employeeMobiles.put(employeeId, e164);
        }
    }

    public int numberCount() {
        return numbers.size();
    }
}
