package io.vpbx.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.scenario.ScenarioCodec;
import io.vpbx.admin.domain.scenario.StoredScenario;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.thirdparty.ThirdPartyLine;
import io.vpbx.admin.domain.trunk.Trunk;
import io.vpbx.admin.service.thirdparty.LinePasswords;
import io.vpbx.admin.domain.limits.AccountLimits;
import io.vpbx.admin.domain.limits.LimitSettings;
import io.vpbx.admin.store.AccountLimitStore;
import io.vpbx.admin.store.DepartmentStore;
import io.vpbx.admin.store.ScheduleStore;
import io.vpbx.admin.domain.schedule.SavedSchedule;
import io.vpbx.telephony.schedule.Schedule;
import io.vpbx.admin.store.CallerIdStore;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.ScenarioStore;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.ThirdPartyNumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.TrunkStore;
import io.vpbx.admin.store.TxWork;
import io.vpbx.config.LimitsConfig;
import io.vpbx.telephony.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the SIP side reads to build its routing table: every number in service, trunk, department, schedule,
 * employee mobile, third-party line and scenario (current version) at startup (in pages), then single items as changes are announced. Reads span all
 * accounts: the routing table is the platform's. Never used on the call path.
 */
public final class RoutingSource {
    private static final int PAGE = 5_000;

    private final Transactions transactions;
    private final NumberStore numbers;
    private final TrunkStore trunks;
    private final DepartmentStore departments;
    private final ScheduleStore schedules;
    private final EmployeeStore employees;
    private final ThirdPartyNumberStore thirdPartyLines;
    private final LinePasswords passwords;
    private final AccountLimitStore limits;
    private final LimitsConfig defaults;
    private final ScenarioStore scenarios;
    private final ScenarioCodec scenarioCodec;
    private final ObjectMapper mapper;
    private final CallerIdStore callerIds;

    RoutingSource(Transactions transactions, NumberStore numbers, TrunkStore trunks, DepartmentStore departments,
                  ScheduleStore schedules, EmployeeStore employees, ThirdPartyNumberStore thirdPartyLines, LinePasswords passwords,
                  AccountLimitStore limits, LimitsConfig defaults, ScenarioStore scenarios, ScenarioCodec scenarioCodec,
                  ObjectMapper mapper, CallerIdStore callerIds) {
        this.mapper = mapper;
        this.callerIds = callerIds;
        this.scenarios = scenarios;
        this.scenarioCodec = scenarioCodec;
        this.limits = limits;
        this.defaults = defaults;
        this.transactions = transactions;
        this.numbers = numbers;
        this.trunks = trunks;
        this.departments = departments;
        this.schedules = schedules;
        this.employees = employees;
        this.thirdPartyLines = thirdPartyLines;
        this.passwords = passwords;
    }

    public Optional<NumberRecord> number(String e164) {
        return transactions.inTransaction(tx -> numbers.find(tx, e164));
    }

    public Optional<Trunk> trunk(String trunkId) {
        return transactions.inTransaction(tx -> trunks.find(tx, trunkId));
    }

    public Optional<Department> department(String departmentId) {
        return transactions.inTransaction(tx -> departments.findInAnyAccount(tx, departmentId));
    }

    /** The schedule, whichever account holds it; empty once deleted. */
    public Optional<Schedule> schedule(String scheduleId) {
        return transactions.inTransaction(tx -> schedules.findInAnyAccount(tx, scheduleId)).map(SavedSchedule::schedule);
    }

    public Optional<Employee> employee(String employeeId) {
        return transactions.inTransaction(tx -> employees.findInAnyAccount(tx, employeeId));
    }

    /** The number the employee chose to show when calling out, if any. */
    public Optional<String> callerId(String employeeId) {
        return transactions.inTransaction(tx -> callerIds.find(tx, employeeId));
    }

    /** Every employee's chosen caller ID by employee id, for the full load. */
    public Map<String, String> callerIds() {
        return transactions.inTransaction(callerIds::all);
    }

    /** The limits in force for the account (the defaults when the operator set none). */
    public AccountLimits accountLimits(String accountId) {
        return AccountLimits.of(transactions.inTransaction(tx -> limits.find(tx, accountId)).orElse(LimitSettings.DEFAULTS),
                defaults);
    }

    /** Every account the operator set limits for, with the limits in force; returns how many. */
    public int accountLimits(BiConsumer<String, AccountLimits> sink) {
        return pages(after -> tx -> limits.list(tx, after, PAGE), AccountLimitStore.Entry::accountId,
                entry -> sink.accept(entry.accountId(), AccountLimits.of(entry.settings(), defaults)));
    }

    /** Calls {@code sink} for every number an account holds, page by page; returns how many. */
    public int numbersInService(Consumer<NumberRecord> sink) {
        return pages(after -> tx -> numbers.inService(tx, after, PAGE), NumberRecord::e164, sink);
    }

    /** Every trunk, enabled or not; returns how many. */
    public int trunks(Consumer<Trunk> sink) {
        return pages(after -> tx -> trunks.list(tx, after, PAGE), Trunk::id, sink);
    }

    /** Every department of every account; returns how many. */
    public int departments(Consumer<Department> sink) {
        return pages(after -> tx -> departments.listAllAccounts(tx, after, PAGE), Department::id, sink);
    }

    /** Every schedule of every account; returns how many. */
    public int schedules(Consumer<Schedule> sink) {
        return pages(after -> tx -> schedules.listAllAccounts(tx, after, PAGE), SavedSchedule::id,
                saved -> sink.accept(saved.schedule()));
    }

    /** Every employee of every account (their account and mobile route calls); returns how many. */
    public int employees(Consumer<Employee> sink) {
        return pages(after -> tx -> employees.listAllAccounts(tx, after, PAGE), Employee::id, sink);
    }

    /**
     * Every third-party line, enabled or not, with its password opened (the SIP side presents it to the other
     * operator); returns how many. The line's number is among {@link #numbersInService}.
     */
    public int thirdPartyLines(Consumer<ThirdPartyLine> sink) {
        return pages(after -> tx -> thirdPartyLines.sealedLines(tx, after, PAGE), line -> line.number().e164(),
                line -> sink.accept(open(line)));
    }

    /** The line of a connected number, password opened; empty once disconnected. */
    public Optional<ThirdPartyLine> thirdPartyLine(String e164) {
        return transactions.inTransaction(tx -> thirdPartyLines.find(tx, e164)).map(this::open);
    }

    /** Every scenario of every account at its current version (checked when saved); returns how many. */
    public int scenarios(Consumer<Scenario> sink) {
        return pages(after -> tx -> scenarios.listAllAccounts(tx, after, PAGE), StoredScenario::id,
                stored -> sink.accept(scenario(stored)));
    }

    /** A scenario's current version; empty once deleted. */
    public Optional<Scenario> scenario(String scenarioId) {
        return transactions.inTransaction(tx -> scenarios.findInAnyAccount(tx, scenarioId)).map(this::scenario);
    }

    private Scenario scenario(StoredScenario stored) {
        try {
            return scenarioCodec.read(stored.id(), stored.accountId(), stored.version(), mapper.readTree(stored.definition()));
        } catch (JsonProcessingException e) {
            throw new StorageException("the stored definition of scenario " + stored.id() + " is not JSON", e);
        }
    }

    private ThirdPartyLine open(ThirdPartyNumberStore.SealedLine line) {
        return line.number().line(passwords.open(line.sealedPassword()));
    }

    /** Reads page after page, each in its own short transaction, keyed after the last item's {@code key}. */
    private <T> int pages(Function<String, TxWork<List<T>>> page, Function<T, String> key, Consumer<T> sink) {
        int count = 0;
        String after = "";
        while (true) {
            List<T> items = transactions.inTransaction(page.apply(after));
            items.forEach(sink);
            count += items.size();
            if (items.size() < PAGE) {
                return count;
            }
            after = key.apply(items.get(items.size() - 1));
        }
    }
}
