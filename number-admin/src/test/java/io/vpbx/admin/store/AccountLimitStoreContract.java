package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.limits.LimitSettings;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every AccountLimitStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface AccountLimitStoreContract extends StoreContract {
    AccountLimitStore accountLimits();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");


    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Other", T0));
            return null;
        });
    }

    @Test
    default void anAccountWithoutSettingsHasNone() {
        assertEquals(Optional.empty(), inTx(tx -> accountLimits().find(tx, "acc-1")));
    }

    @Test
    default void settingsAreSavedReplacedAndListed() {
        LimitSettings first = new LimitSettings(5, null, 7, 2, null, 30, true, null, List.of("+375", "+44"));
        LimitSettings second = new LimitSettings(null, 3, null, null, 10, null, null, false, List.of());
        inTx(tx -> {
            accountLimits().save(tx, "acc-1", first, T0);
            return null;
        });
        assertEquals(Optional.of(first), inTx(tx -> accountLimits().find(tx, "acc-1")));
        inTx(tx -> {
            accountLimits().save(tx, "acc-1", second, T0.plusSeconds(1));
            accountLimits().save(tx, "acc-2", LimitSettings.DEFAULTS, T0);
            return null;
        });
        assertEquals(Optional.of(second), inTx(tx -> accountLimits().find(tx, "acc-1")));
        assertEquals(List.of(new AccountLimitStore.Entry("acc-1", second), new AccountLimitStore.Entry("acc-2", LimitSettings.DEFAULTS)),
                inTx(tx -> accountLimits().list(tx, "", 10)));
        assertEquals(List.of(new AccountLimitStore.Entry("acc-2", LimitSettings.DEFAULTS)),
                inTx(tx -> accountLimits().list(tx, "acc-1", 10)));
    }

    @Test
    default void purchasesAreCountedInTheirWindow() {
        inTx(tx -> {
            accountLimits().recordPurchase(tx, "acc-1", "+74951230001", T0);
            accountLimits().recordPurchase(tx, "acc-1", "+74951230002", T0.plusSeconds(600));
            accountLimits().recordPurchase(tx, "acc-1", "+74951230003", T0.plusSeconds(3600));
            accountLimits().recordPurchase(tx, "acc-2", "+74951230004", T0.plusSeconds(600));
            return null;
        });
        assertEquals(3, (int) this.<Integer>inTx(tx -> accountLimits().purchasesSince(tx, "acc-1", T0)));
        assertEquals(2, (int) this.<Integer>inTx(tx -> accountLimits().purchasesSince(tx, "acc-1", T0.plusSeconds(1))));
        assertEquals(Optional.of(T0.plusSeconds(600)),
                inTx(tx -> accountLimits().firstPurchaseSince(tx, "acc-1", T0.plusSeconds(1))));
        assertEquals(Optional.empty(), inTx(tx -> accountLimits().firstPurchaseSince(tx, "acc-1", T0.plusSeconds(7200))));
    }

    @Test
    default void onlyUnexpiredReservationsOfTheAccountCount() {
        inTx(tx -> {
            number(tx.connection(), "+74951230001", "reserved", "acc-1", T0.plusSeconds(60));
            number(tx.connection(), "+74951230002", "reserved", "acc-1", T0.minusSeconds(1));
            number(tx.connection(), "+74951230003", "reserved", "acc-2", T0.plusSeconds(60));
            number(tx.connection(), "+74951230004", "active", "acc-1", null);
            number(tx.connection(), "+74951230005", "reserved", "acc-1", T0.plusSeconds(600));
            return null;
        });
        assertEquals(2, (int) this.<Integer>inTx(tx -> accountLimits().reservedNumbers(tx, "acc-1", T0)));
        assertTrue(inTx(tx -> accountLimits().reservedNumbers(tx, "acc-1", T0.plusSeconds(3600))) == 0);
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
