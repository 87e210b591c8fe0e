package io.vpbx.admin.service.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.PriceTables;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditQuery;
import io.vpbx.admin.domain.category.CategoryClassifier;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.catalog.CatalogEntryFactory;
import io.vpbx.admin.store.jdbc.Database;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import io.vpbx.admin.store.jdbc.JdbcDepartmentStore;
import io.vpbx.admin.store.jdbc.JdbcEmployeeStore;
import io.vpbx.admin.store.jdbc.JdbcNumberStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The employee and department services over a fresh H2 database, wired as AdminModule wires them,
 * with two accounts (acc-1, acc-2) and a caller for each.
 */
final class StaffTestBed implements AutoCloseable {
    static final String REALM = "vpbx";
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final RequestContext acme = new RequestContext(Principal.account("acc-1", "key-1"), "192.0.2.1", "req-1");
    final RequestContext globex = new RequestContext(Principal.account("acc-2", "key-2"), "192.0.2.2", "req-2");
    final TestDatabases.TestDatabase db = TestDatabases.h2();
    final JdbcEmployeeStore employeeStore = new JdbcEmployeeStore();
    final JdbcDepartmentStore departmentStore = new JdbcDepartmentStore();
    final EmployeeService employees;
    final DepartmentService departments;

    private final ObjectMapper mapper = JsonMappers.create();
    private final PhoneNumberParser parser = new PhoneNumberParser();
    private final JdbcNumberStore numbers = new JdbcNumberStore(mapper, new ForwardingCodec(mapper, parser));
    private final JdbcAuditStore audit = new JdbcAuditStore(mapper);

    StaffTestBed() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Auditor auditor = new Auditor(audit, clock);
        employees = new EmployeeService(database(), employeeStore, departmentStore,
                new InUseGuard(List.of(numbers::forwardingUsers, departmentStore::memberships)), new NumberInputs(parser), auditor, clock, REALM);
        departments = new DepartmentService(database(), departmentStore, employeeStore, new InUseGuard(List.of(numbers::forwardingUsers)),
                auditor, clock);
        database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            new JdbcAccountStore().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    Database database() {
        return db.database();
    }

    /** Puts {@code e164} in service for acc-1, forwarding to {@code target}. */
    void forward(String e164, ForwardingTarget target) {
        var entries = new CatalogEntryFactory(CategoryClassifier.bundled(), PriceTables.load(Optional.empty()));
        database().inTransaction(tx -> {
            numbers.importEntries(tx, List.of(entries.entry(parser.parse(e164))), T0);
            NumberRecord record = numbers.lock(tx, List.of(e164)).get(0);
            numbers.save(tx, record.withState(NumberState.ACTIVE, T0).withReservation("acc-1", null, null)
                    .withSettings(null, new Forwarding(target, 30), null));
            return null;
        });
    }

    /** Every audit entry of acc-1, newest first. */
    List<AuditEvent> auditOfAcme() {
        return database().inTransaction(tx -> audit.query(tx, new AuditQuery("acc-1", null, null, null, null, null, null, null, 100)));
    }

    String json(Object value) throws Exception {
        return mapper.writeValueAsString(value);
    }

    @Override
    public void close() {
        db.close();
    }
}
