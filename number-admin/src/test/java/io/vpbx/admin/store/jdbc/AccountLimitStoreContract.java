package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.limits.LimitSettings;
import io.vpbx.admin.store.AccountLimitStore;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every AccountLimitStore must do; run against H2 and PostgreSQL by the subclasses. */
abstract class AccountLimitStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final String kind;
    private final AccountLimitStore store = new JdbcAccountLimitStore();
    private TestDatabases.TestDatabase db;

    AccountLimitStoreContract(String kind) {
        this.kind = kind;
    }

    @BeforeEach
    void open() {
        db = TestDatabases.of(kind);
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            new JdbcAccountStore().create(tx, new Account("acc-2", "Other", T0));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAccountWithoutSettingsHasNone() {
        assertEquals(Optional.empty(), db.database().inTransaction(tx -> store.find(tx, "acc-1")));
    }

    @Test
    void settingsAreSavedReplacedAndListed() {
        LimitSettings first = new LimitSettings(5, null, 7, 2, null, 30, true, null, List.of("+375", "+44"));
        LimitSettings second = new LimitSettings(null, 3, null, null, 10, null, null, false, List.of());
        db.database().inTransaction(tx -> {
            store.save(tx, "acc-1", first, T0);
            return null;
        });
        assertEquals(Optional.of(first), db.database().inTransaction(tx -> store.find(tx, "acc-1")));
        db.database().inTransaction(tx -> {
            store.save(tx, "acc-1", second, T0.plusSeconds(1));
            store.save(tx, "acc-2", LimitSettings.DEFAULTS, T0);
            return null;
        });
        assertEquals(Optional.of(second), db.database().inTransaction(tx -> store.find(tx, "acc-1")));
        assertEquals(List.of(new AccountLimitStore.Entry("acc-1", second), new AccountLimitStore.Entry("acc-2", LimitSettings.DEFAULTS)),
                db.database().inTransaction(tx -> store.list(tx, "", 10)));
        assertEquals(List.of(new AccountLimitStore.Entry("acc-2", LimitSettings.DEFAULTS)),
                db.database().inTransaction(tx -> store.list(tx, "acc-1", 10)));
    }

    @Test
    void purchasesAreCountedInTheirWindow() {
        db.database().inTransaction(tx -> {
            store.recordPurchase(tx, "acc-1", "+74951230001", T0);
            store.recordPurchase(tx, "acc-1", "+74951230002", T0.plusSeconds(600));
            store.recordPurchase(tx, "acc-1", "+74951230003", T0.plusSeconds(3600));
            store.recordPurchase(tx, "acc-2", "+74951230004", T0.plusSeconds(600));
            return null;
        });
        assertEquals(3, (int) db.database().<Integer>inTransaction(tx -> store.purchasesSince(tx, "acc-1", T0)));
        assertEquals(2, (int) db.database().<Integer>inTransaction(tx -> store.purchasesSince(tx, "acc-1", T0.plusSeconds(1))));
        assertEquals(Optional.of(T0.plusSeconds(600)),
                db.database().inTransaction(tx -> store.firstPurchaseSince(tx, "acc-1", T0.plusSeconds(1))));
        assertEquals(Optional.empty(), db.database().inTransaction(tx -> store.firstPurchaseSince(tx, "acc-1", T0.plusSeconds(7200))));
    }

    @Test
    void onlyUnexpiredReservationsOfTheAccountCount() {
        db.database().inTransaction(tx -> {
            number(tx.connection(), "+74951230001", "reserved", "acc-1", T0.plusSeconds(60));
            number(tx.connection(), "+74951230002", "reserved", "acc-1", T0.minusSeconds(1));
            number(tx.connection(), "+74951230003", "reserved", "acc-2", T0.plusSeconds(60));
            number(tx.connection(), "+74951230004", "active", "acc-1", null);
            number(tx.connection(), "+74951230005", "reserved", "acc-1", T0.plusSeconds(600));
            return null;
        });
        assertEquals(2, (int) db.database().<Integer>inTransaction(tx -> store.reservedNumbers(tx, "acc-1", T0)));
        assertTrue(db.database().inTransaction(tx -> store.reservedNumbers(tx, "acc-1", T0.plusSeconds(3600))) == 0);
    }

    private static void number(java.sql.Connection c, String e164, String state, String account, Instant until) throws java.sql.SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO numbers (e164, country, number_type, region, national, "
                + "national_rev, category, category_rank, category_reasons, rule_set_version, connection_fee, monthly_fee, "
                + "currency, state, account_id, reserved_until, state_changed_at, imported_at) "
                + "VALUES (?, 'RU', 'geographic', '495', ?, ?, 'ordinary', 0, '', 'v1', 0, 0, 'RUB', ?, ?, ?, ?, ?)")) {
            String national = e164.substring(2);
            st.setString(1, e164);
            st.setString(2, national);
            st.setString(3, new StringBuilder(national).reverse().toString());
            st.setString(4, state);
            st.setString(5, account);
            st.setTimestamp(6, until == null ? null : Timestamp.from(until));
            st.setTimestamp(7, Timestamp.from(T0));
            st.setTimestamp(8, Timestamp.from(T0));
            st.executeUpdate();
        }
    }
}
