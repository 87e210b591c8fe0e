package io.vpbx.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcEmployeeStore;
import io.vpbx.admin.store.jdbc.JdbcSipAccountStore;
import io.vpbx.sip.registrar.StoredCredentials;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registrar's in-memory credentials follow employees as their changes are announced. */
class SipCredentialsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String REALM = "pbx.example";

    private final JdbcEmployeeStore employees = new JdbcEmployeeStore();
    private TestDatabases.TestDatabase db;
    private SipCredentials credentials;

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            return null;
        });
        credentials = new SipCredentials(db.database(), new JdbcSipAccountStore(), REALM);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Employee employee(String id, String extension, String username, String password) {
        return new Employee(id, "acc-1", "Employee " + id, extension, username, DigestCredentials.derive(username, REALM, password),
                null, T0, T0);
    }

    private void create(Employee employee) {
        db.database().inTransaction(tx -> {
            employees.create(tx, employee);
            return null;
        });
    }

    private void update(Employee employee) {
        db.database().inTransaction(tx -> {
            employees.update(tx, employee);
            return null;
        });
    }

    private void delete(String id) {
        db.database().inTransaction(tx -> employees.delete(tx, "acc-1", id));
    }

    @Test
    void startupLoadsEveryEmployeeWithTheirDigestsUnderTheRealm() {
        create(employee("e-1", "101", "anna", "password-1"));
        create(employee("e-2", "102", "boris", "password-2"));

        credentials.loadAll();

        assertEquals(2, credentials.size());
        assertEquals(Optional.of(StoredCredentials.fromPassword("anna", REALM, "password-1", "e-1")), credentials.find("anna"));
        assertEquals("e-2", credentials.find("boris").orElseThrow().subscriberId());
        assertTrue(credentials.find("carol").isEmpty());
    }

    @Test
    void createdChangedAndDeletedEmployeesAreFollowed() {
        credentials.loadAll();
        create(employee("e-1", "101", "anna", "password-1"));
        credentials.changed(SipCredentials.EMPLOYEE, "e-1");
        assertEquals(Optional.of(StoredCredentials.fromPassword("anna", REALM, "password-1", "e-1")), credentials.find("anna"));

        update(employee("e-1", "101", "anna", "password-2"));
        credentials.changed(SipCredentials.EMPLOYEE, "e-1");
        assertEquals(Optional.of(StoredCredentials.fromPassword("anna", REALM, "password-2", "e-1")), credentials.find("anna"));

        delete("e-1");
        credentials.changed(SipCredentials.EMPLOYEE, "e-1");
        assertTrue(credentials.find("anna").isEmpty());
        assertEquals(0, credentials.size());
    }

    @Test
    void aRenameDropsTheOldUsername() {
        create(employee("e-1", "101", "anna", "password-1"));
        credentials.loadAll();

        update(employee("e-1", "101", "anna.k", "password-1"));
        credentials.changed(SipCredentials.EMPLOYEE, "e-1");

        assertTrue(credentials.find("anna").isEmpty());
        assertEquals("e-1", credentials.find("anna.k").orElseThrow().subscriberId());
        assertEquals(1, credentials.size());
    }

    @Test
    void aFreedUsernameTakenByAnotherEmployeeStaysTheirsWhateverTheOrderOfAnnouncements() {
        create(employee("e-1", "101", "anna", "password-1"));
        credentials.loadAll();
        update(employee("e-1", "101", "anna.old", "password-1"));
        create(employee("e-2", "102", "anna", "password-2"));

        credentials.changed(SipCredentials.EMPLOYEE, "e-2");
        credentials.changed(SipCredentials.EMPLOYEE, "e-1");

        assertEquals("e-2", credentials.find("anna").orElseThrow().subscriberId());
        assertEquals("e-1", credentials.find("anna.old").orElseThrow().subscriberId());
    }

    @Test
    void otherResourcesAreIgnored() {
        create(employee("e-1", "101", "anna", "password-1"));
        credentials.changed("number", "e-1");
        credentials.changed("department", "e-1");
        assertEquals(0, credentials.size());
    }
}
