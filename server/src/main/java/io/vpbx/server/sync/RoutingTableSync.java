package io.vpbx.server.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vpbx.admin.RoutingSource;
import io.vpbx.admin.service.scenarios.ScenarioService;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.CallPolicy;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.trunk.Trunk;
import io.vpbx.admin.service.audit.ChangeListener;
import io.vpbx.admin.service.accounts.AccountLimitService;
import io.vpbx.admin.service.schedules.ScheduleService;
import io.vpbx.sip.routing.EmployeeEntry;
import io.vpbx.sip.routing.PremiumRatePrefixes;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.uplink.UplinkAccount;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the SIP core's routing table equal to the admin side's numbers, trunks, departments, schedules and
 * employees' mobiles: a full load at startup, then each committed change re-reads the one item it names and replaces
 * its entry (or removes it). Runs after commit on the thread that made the change, so the entry is in
 * place before the API answers.
 */
public final class RoutingTableSync implements ChangeListener {
    private static final Logger log = LoggerFactory.getLogger(RoutingTableSync.class);

    private final RoutingTable table;
    private final CallPolicy policy = new CallPolicy();
    private final PremiumRatePrefixes premium;
    private final Timer propagation;
    private RoutingSource source;
    /** Where third-party lines go: the SIP server, which registers them at their operators (none until attached). */
    private Consumer<UplinkAccount> putUplink = line -> { };
    private Consumer<String> removeUplink = e164 -> { };

    public RoutingTableSync(RoutingTable table, MeterRegistry registry) {
        this(table, registry, PremiumRatePrefixes.bundled());
    }

    /** {@code premium}: the premium-rate prefixes the accounts' destination rules use. */
    public RoutingTableSync(RoutingTable table, MeterRegistry registry, PremiumRatePrefixes premium) {
        this.table = table;
        this.premium = premium;
        this.propagation = Timer.builder("vpbx.routing.propagation")
                .description("from a committed admin change to the routing table entry replaced")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The source exists only once the admin side is built, which itself needs this listener. */
    public void attach(RoutingSource routingSource) {
        this.source = routingSource;
    }

    /** Before {@link #loadAll}: lines loaded and changed from then on are registered through {@code sink}. */
    public void attachUplinks(Consumer<UplinkAccount> put, Consumer<String> remove) {
        this.putUplink = put;
        this.removeUplink = remove;
    }

    public void loadAll() {
        long start = System.nanoTime();
        int numbers = source.numbersInService(record -> table.put(RoutingValues.entry(record, policy)));
        int trunks = source.trunks(this::trunk);
        int departments = source.departments(department -> table.put(RoutingValues.plan(department)));
        int schedules = source.schedules(table::put);
        Map<String, String> callerIds = source.callerIds();
        int employees = source.employees(employee -> employee(employee, Optional.ofNullable(callerIds.get(employee.id()))));
        int lines = source.thirdPartyLines(line -> putUplink.accept(RoutingValues.uplink(line)));
        int scenarios = source.scenarios(table::putScenario);
        int limits = source.accountLimits((accountId, in) -> table.putCallLimits(accountId, RoutingValues.callLimits(in, premium)));
        log.info("routing table loaded: {} numbers, {} trunks ({} enabled), {} departments, {} schedules, {} employees,"
                + " {} third-party lines, {} scenarios, {} accounts with their own limits in {} ms", numbers, trunks,
                table.trunkCount(), departments, schedules, employees, lines, scenarios, limits,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The resource types are the ones the services audit their changes under. */
    @Override
    public void changed(String resourceType, String resourceId) {
        if (source == null) {
            return;
        }
        long start = System.nanoTime();
        switch (resourceType) {
            case "number" -> number(resourceId);
            case "trunk" -> source.trunk(resourceId).ifPresentOrElse(this::trunk, () -> table.removeTrunk(resourceId));
            case "department" -> department(resourceId);
            case ScheduleService.RESOURCE_TYPE -> source.schedule(resourceId).ifPresentOrElse(table::put,
                    () -> table.removeSchedule(resourceId));
            case "employee" -> source.employee(resourceId).ifPresentOrElse(
                    employee -> employee(employee, source.callerId(resourceId)), () -> table.removeEmployee(resourceId));
            case ScenarioService.RESOURCE_TYPE -> source.scenario(resourceId).ifPresentOrElse(table::putScenario,
                    () -> table.removeScenario(resourceId));
            case AccountLimitService.RESOURCE_TYPE -> table.putCallLimits(resourceId,
                    RoutingValues.callLimits(source.accountLimits(resourceId), premium));
            case "third_party_number" -> source.thirdPartyLine(resourceId).ifPresentOrElse(
                    line -> putUplink.accept(RoutingValues.uplink(line)), () -> removeUplink.accept(resourceId));
            default -> {
                return;
            }
        }
        propagation.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** The employee's entry, their extension (the account's dial plan) and chosen caller ID included. */
    private void employee(Employee employee, Optional<String> callerId) {
        table.put(new EmployeeEntry(employee.id(), employee.accountId(), employee.name(), employee.extension(),
                employee.mobile(), callerId.orElse(null)));
    }

    private void number(String e164) {
        Optional<NumberRecord> record = source.number(e164);
        if (record.isPresent() && record.get().state().isOwned()) {
            table.put(RoutingValues.entry(record.get(), policy));
        } else {
            table.removeNumber(e164);
        }
    }

    /** A disabled trunk is kept on the admin side but routes nothing. */
    private void trunk(Trunk trunk) {
        if (trunk.enabled()) {
            table.put(RoutingValues.trunk(trunk));
        } else {
            table.removeTrunk(trunk.id());
        }
    }

    private void department(String departmentId) {
        Optional<Department> department = source.department(departmentId);
        if (department.isPresent()) {
            table.put(RoutingValues.plan(department.get()));
        } else {
            table.removeDepartment(departmentId);
        }
    }
}
