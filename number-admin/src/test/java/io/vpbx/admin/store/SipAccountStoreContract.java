package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.staff.SipAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every SipAccountStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface SipAccountStoreContract extends StoreContract {
    EmployeeStore employees();

    SipAccountStore sipAccounts();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    private Employee employ(String id, String accountId, String extension, String username) {
        Employee employee = new Employee(id, accountId, "Employee " + id, extension, username,
                DigestCredentials.derive(username, "vpbx", "password-" + id), null, T0, T0);
        inTx(tx -> {
            employees().create(tx, employee);
            return null;
        });
        return employee;
    }

    private static SipAccount account(Employee e) {
        return new SipAccount(e.id(), e.sipUsername(), e.credentials());
    }

    @Test
    default void findsAnEmployeesAccountWhicheverAccountEmploysThem() {
        Employee anna = employ("e-1", "acc-1", "101", "anna");
        Employee boris = employ("e-2", "acc-2", "101", "boris");

        assertEquals(Optional.of(account(anna)), inTx(tx -> sipAccounts().find(tx, "e-1")));
        assertEquals(Optional.of(account(boris)), inTx(tx -> sipAccounts().find(tx, "e-2")));
        assertEquals(Optional.empty(), inTx(tx -> sipAccounts().find(tx, "e-3")));
    }

    @Test
    default void streamsEveryAccountOfEveryTenant() {
        List<SipAccount> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add(account(employ(String.format("e-%02d", i), i % 2 == 0 ? "acc-1" : "acc-2", "1" + String.format("%02d", i),
                    "user" + i)));
        }
        List<SipAccount> seen = new ArrayList<>();

        int count = inTx(tx -> sipAccounts().all(tx, seen::add));

        assertEquals(25, count);
        assertEquals(expected, seen);
    }

    @Test
    default void anEmptyPlatformStreamsNothing() {
        assertEquals(0, (int) inTx(tx -> sipAccounts().all(tx, account -> {
            throw new AssertionError("no accounts expected");
        })));
    }
}
