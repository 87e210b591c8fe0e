package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.staff.SipRegistration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every SipRegistrationStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface SipRegistrationStoreContract extends StoreContract {
    EmployeeStore employees();

    SipRegistrationStore sipRegistrations();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    String PHONE = "sip:anna@192.0.2.10:5060";
    String SOFTPHONE = "sip:anna@198.51.100.7:5062;transport=tcp";

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            for (String id : List.of("e-1", "e-2")) {
                employees().create(tx, new Employee(id, "acc-1", "Employee " + id, id.substring(2) + "01", "user-" + id,
                        DigestCredentials.derive("user-" + id, "vpbx", "secret"), null, T0, T0));
            }
            return null;
        });
    }

    private static SipRegistration row(String employeeId, String uri, long cseq, Instant expiresAt, String node, Instant updatedAt) {
        return new SipRegistration(employeeId, uri, "192.0.2.10:5060", "urn:uuid:00000000-0000-0000-0000-000000000001", 0.5,
                "call-" + employeeId + "@host", cseq, expiresAt, node, updatedAt);
    }

    private void save(SipRegistration... rows) {
        inTx(tx -> {
            for (SipRegistration row : rows) {
                sipRegistrations().save(tx, row);
            }
            return null;
        });
    }

    private List<SipRegistration> unexpired(Instant now) {
        List<SipRegistration> rows = new ArrayList<>();
        int count = inTx(tx -> sipRegistrations().unexpired(tx, now, rows::add));
        assertEquals(rows.size(), count);
        return rows;
    }

    private List<SipRegistration> changedSince(Instant since) {
        List<SipRegistration> rows = new ArrayList<>();
        int count = inTx(tx -> sipRegistrations().changedSince(tx, since, rows::add));
        assertEquals(rows.size(), count);
        return rows;
    }

    @Test
    default void savedRowsReadBackWithEveryField() {
        SipRegistration full = row("e-1", PHONE, 7, T0.plusSeconds(3600), "node-a", T0.plusNanos(123_456_000));
        SipRegistration bare = new SipRegistration("e-2", SOFTPHONE, null, null, 1.0, "c2", 1, T0.plusSeconds(60), "node-b", T0);
        save(full, bare);

        assertEquals(List.of(full, bare), unexpired(T0));
    }

    @Test
    default void savingTheSameEmployeeAndUriAgainReplacesTheRow() {
        save(row("e-1", PHONE, 1, T0.plusSeconds(600), "node-a", T0));
        SipRegistration refreshed = row("e-1", PHONE, 2, T0.plusSeconds(1200), "node-b", T0.plusSeconds(5));
        save(refreshed);

        assertEquals(List.of(refreshed), unexpired(T0));
    }

    @Test
    default void aRemovalRowIsNotLoadedAtStartupButIsSeenAsAChange() {
        save(row("e-1", PHONE, 1, T0.plusSeconds(600), "node-a", T0));
        SipRegistration removal = row("e-1", PHONE, 1, T0.plusSeconds(10), "node-a", T0.plusSeconds(10));
        save(removal);

        assertEquals(List.of(), unexpired(T0.plusSeconds(10)));
        assertEquals(List.of(removal), changedSince(T0.plusSeconds(9)));
    }

    @Test
    default void changesAreThoseUpdatedAfterTheInstantOldestFirst() {
        SipRegistration second = row("e-1", PHONE, 1, T0.plusSeconds(600), "node-a", T0.plusSeconds(2));
        SipRegistration first = row("e-2", PHONE, 1, T0.plusSeconds(600), "node-a", T0.plusSeconds(1));
        SipRegistration before = row("e-1", SOFTPHONE, 1, T0.plusSeconds(600), "node-a", T0);
        save(second, first, before);

        assertEquals(List.of(first, second), changedSince(T0));
        assertEquals(List.of(), changedSince(T0.plusSeconds(2)));
    }

    @Test
    default void deletesOnlyRowsExpiredBeforeTheCutoff() {
        SipRegistration old = row("e-1", PHONE, 1, T0.plusSeconds(10), "node-a", T0);
        SipRegistration live = row("e-1", SOFTPHONE, 1, T0.plusSeconds(100), "node-a", T0);
        save(old, live);

        assertEquals(1, (int) inTx(tx -> sipRegistrations().deleteExpiredBefore(tx, T0.plusSeconds(50))));
        assertEquals(List.of(live), changedSince(T0.minusSeconds(1)));
    }

    @Test
    default void registrationsGoWithTheirEmployee() {
        save(row("e-1", PHONE, 1, T0.plusSeconds(600), "node-a", T0), row("e-2", PHONE, 1, T0.plusSeconds(600), "node-a", T0));

        inTx(tx -> employees().delete(tx, "acc-1", "e-1"));

        assertEquals(List.of("e-2"), unexpired(T0).stream().map(SipRegistration::employeeId).toList());
    }
}
