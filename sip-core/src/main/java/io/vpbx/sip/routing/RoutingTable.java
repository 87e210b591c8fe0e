package io.vpbx.sip.routing;

import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.schedule.Schedule;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The in-memory routing data the call path reads; it never touches the database. Entries are immutable
 * and replaced whole (copy-on-write per entry): readers never lock and always see a complete entry, and
 * an admin change reaches the next call as soon as its entry is put.
 */
public final class RoutingTable {
    private final Map<String, RouteEntry> numbers = new ConcurrentHashMap<>();
    private final Map<String, DepartmentPlan> departments = new ConcurrentHashMap<>();
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();
    private final Map<String, TrunkEntry> trunksBySource = new ConcurrentHashMap<>();
    private final Map<String, TrunkEntry> trunksById = new ConcurrentHashMap<>();
    /** Trunk writers take turns so that the two trunk maps agree; readers never wait. */
    private final Object trunkWrites = new Object();
    private final Map<String, EmployeeEntry> employees = new ConcurrentHashMap<>();
    /** Each account's numbers in E.164 order: where a caller ID is chosen when the phone asks for none. */
    private final Map<String, NavigableSet<String>> accountNumbers = new ConcurrentHashMap<>();
    private final Extensions extensions = new Extensions();
    /** The accounts' service codes ({@code *12}), each naming one {@link Target.Scenario}. */
    private final Extensions serviceCodes = new Extensions();
    private final Map<String, AccountCallLimits> callLimits = new ConcurrentHashMap<>();
    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();
    private final AccountCallLimits defaultCallLimits;

    /** A table whose accounts have no call limits until given some (routing tests). */
    public RoutingTable() {
        this(AccountCallLimits.unlimited());
    }

    /** {@code defaultCallLimits}: what an account has until the operator sets its own (the configuration's limits.*). */
    public RoutingTable(AccountCallLimits defaultCallLimits) {
        this.defaultCallLimits = defaultCallLimits;
    }

    /** The account's call limits: the operator's for this account, else the defaults. */
    public AccountCallLimits callLimits(String accountId) {
        AccountCallLimits own = accountId == null ? null : callLimits.get(accountId);
        return own != null ? own : defaultCallLimits;
    }

    public void putCallLimits(String accountId, AccountCallLimits limits) {
        callLimits.put(accountId, limits);
    }

    public Optional<RouteEntry> number(String e164) {
        return Optional.ofNullable(numbers.get(e164));
    }

    public Optional<DepartmentPlan> department(String departmentId) {
        return Optional.ofNullable(departments.get(departmentId));
    }

    /**
     * A schedule by id (any account's: ids are unique), for a number's forwarding by hours and a scenario's time
     * condition; {@link Schedule#isOpen} evaluates it at the call's instant without I/O.
     */
    public Optional<Schedule> schedule(String scheduleId) {
        return Optional.ofNullable(schedules.get(scheduleId));
    }

    public void put(Schedule schedule) {
        schedules.put(schedule.id(), schedule);
    }

    public void removeSchedule(String scheduleId) {
        schedules.remove(scheduleId);
    }

    public int scheduleCount() {
        return schedules.size();
    }

    public Optional<TrunkEntry> trunkFrom(String sourceAddress) {
        return Optional.ofNullable(trunksBySource.get(sourceAddress));
    }

    /**
     * The trunk that carries a call out for {@code accountId}: the account's own trunk first, else a carrier
     * trunk; only trunks with an outbound URI count. Among several, the lowest id, so the choice is stable.
     */
    public Optional<TrunkEntry> outboundTrunk(String accountId) {
        TrunkEntry own = null;
        TrunkEntry carrier = null;
        for (TrunkEntry trunk : trunksById.values()) {
            if (!trunk.carriesOutbound()) {
                continue;
            }
            if (trunk.accountId() == null) {
                carrier = lowerId(carrier, trunk);
            } else if (trunk.accountId().equals(accountId)) {
                own = lowerId(own, trunk);
            }
        }
        return Optional.ofNullable(own != null ? own : carrier);
    }

    /** The external mobile an employee's calls also ring, if configured. */
    public Optional<String> mobileOf(String employeeId) {
        return employee(employeeId).map(EmployeeEntry::mobile);
    }

    public void put(RouteEntry entry) {
        RouteEntry before = numbers.put(entry.e164(), entry);
        if (before != null && !before.accountId().equals(entry.accountId())) {
            dropFromAccount(before);
        }
        accountNumbers.computeIfAbsent(entry.accountId(), account -> new ConcurrentSkipListSet<>()).add(entry.e164());
    }

    public void removeNumber(String e164) {
        RouteEntry before = numbers.remove(e164);
        if (before != null) {
            dropFromAccount(before);
        }
    }

    private void dropFromAccount(RouteEntry entry) {
        NavigableSet<String> own = accountNumbers.get(entry.accountId());
        if (own != null) {
            own.remove(entry.e164());
        }
    }

    /**
     * The account's first number (in E.164 order) that may call out: the caller ID of an employee's call when the
     * phone asked for none of the account's numbers and the employee chose none.
     */
    public Optional<RouteEntry> firstOutboundNumber(String accountId) {
        NavigableSet<String> own = accountId == null ? null : accountNumbers.get(accountId);
        if (own == null) {
            return Optional.empty();
        }
        for (String e164 : own) {
            RouteEntry entry = numbers.get(e164);
            if (entry != null && entry.accountId().equals(accountId) && entry.outbound()) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    public void put(DepartmentPlan plan) {
        departments.put(plan.departmentId(), plan);
        extensions.put(new Target.Department(plan.departmentId()), plan.accountId(), plan.extension());
    }

    public void removeDepartment(String departmentId) {
        departments.remove(departmentId);
        extensions.remove(new Target.Department(departmentId));
    }

    /**
     * Who the account's extension dials: a {@link Target.Employee} or a {@link Target.Department}; empty when the
     * account has no such extension. The one directory of extensions: the proxy's {@link DialPlan} and a scenario's
     * {@code collect} step both read it.
     */
    public Optional<Target> extension(String accountId, String extension) {
        return extensions.find(accountId, extension);
    }

    /**
     * Puts the trunk under each of its source addresses, replacing the trunk of the same id: its new addresses
     * are in place before the ones it no longer has are dropped, so an address it keeps is never missing.
     */
    public void put(TrunkEntry trunk) {
        synchronized (trunkWrites) {
            TrunkEntry before = trunksById.put(trunk.id(), trunk);
            trunk.sourceAddresses().forEach(address -> trunksBySource.put(address, trunk));
            if (before != null) {
                Set<String> dropped = new HashSet<>(before.sourceAddresses());
                trunk.sourceAddresses().forEach(dropped::remove);
                dropped.forEach(address -> dropAddress(address, trunk.id()));
            }
        }
    }

    /** Forgets the trunk and every source address it had. */
    public void removeTrunk(String trunkId) {
        synchronized (trunkWrites) {
            TrunkEntry before = trunksById.remove(trunkId);
            if (before != null) {
                before.sourceAddresses().forEach(address -> dropAddress(address, trunkId));
            }
        }
    }

    /** Drops the address only while it still leads to that trunk: another trunk may have taken it since. */
    private void dropAddress(String address, String trunkId) {
        trunksBySource.computeIfPresent(address, (key, holder) -> holder.id().equals(trunkId) ? null : holder);
    }

    private static TrunkEntry lowerId(TrunkEntry chosen, TrunkEntry candidate) {
        return chosen == null || candidate.id().compareTo(chosen.id()) < 0 ? candidate : chosen;
    }

    /** The account an employee belongs to: what an employee's own calls out are checked against. */
    public Optional<String> accountOf(String employeeId) {
        return employee(employeeId).map(EmployeeEntry::accountId);
    }

    /** The employee's account, extension, name, mobile and chosen caller ID. */
    public Optional<EmployeeEntry> employee(String employeeId) {
        return Optional.ofNullable(employees.get(employeeId));
    }

    /** An employee's account and external mobile (null when none), without an extension or a chosen caller ID. */
    public void putEmployee(String employeeId, String accountId, String mobile) {
        put(new EmployeeEntry(employeeId, accountId, employeeId, null, mobile, null));
    }

    /** Replaces the employee's entry, their extension included. */
    public void put(EmployeeEntry employee) {
        employees.put(employee.employeeId(), employee);
        extensions.put(new Target.Employee(employee.employeeId()), employee.accountId(), employee.extension());
    }

    /** Sets the external mobile an employee's calls also ring (null: none), keeping the rest of their entry. */
    public void setMobile(String employeeId, String e164) {
        employees.compute(employeeId, (id, before) -> before == null ? new EmployeeEntry(id, null, id, null, e164, null)
                : new EmployeeEntry(id, before.accountId(), before.name(), before.extension(), e164, before.callerId()));
    }

    public void removeEmployee(String employeeId) {
        employees.remove(employeeId);
        extensions.remove(new Target.Employee(employeeId));
    }

    /** The current version of a scenario; a call keeps the version it started with. */
    public Optional<Scenario> scenario(String scenarioId) {
        return Optional.ofNullable(scenarios.get(scenarioId));
    }

    /**
     * Puts a scenario's new version in place of the one before: calls from now on run it, and its service code (the
     * version's, none dropping the one before) dials it.
     */
    public void putScenario(Scenario scenario) {
        scenarios.put(scenario.id(), scenario);
        serviceCodes.put(new Target.Scenario(scenario.id()), scenario.accountId(),
                scenario.serviceCode() == null ? null : scenario.serviceCode().code());
    }

    public void removeScenario(String scenarioId) {
        scenarios.remove(scenarioId);
        serviceCodes.remove(new Target.Scenario(scenarioId));
    }

    /** The scenario an employee of {@code accountId} runs by dialling {@code code} ({@code *12}); empty: no such code. */
    public Optional<Target.Scenario> serviceCode(String accountId, String code) {
        return serviceCodes.find(accountId, code).map(Target.Scenario.class::cast);
    }

    public int numberCount() {
        return numbers.size();
    }

    public int trunkCount() {
        return trunksById.size();
    }
}
