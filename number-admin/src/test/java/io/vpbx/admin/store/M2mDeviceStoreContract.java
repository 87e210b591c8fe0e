package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestBindings;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.domain.inventory.NumberUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every M2mDeviceStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface M2mDeviceStoreContract extends StoreContract {
    M2mDeviceStore m2mDevices();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeEach
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    private static M2mDevice device(String id, String accountId) {
        return new M2mDevice(id, accountId, M2mDevice.DeviceType.PAYMENT_TERMINAL, "Verifone VX520", "SN-" + id, "490154203237518",
                "Moscow, Arbat 10, shop 3", T0, T0.plusSeconds(5));
    }

    private void create(M2mDevice device) {
        inTx(tx -> {
            m2mDevices().create(tx, device);
            return null;
        });
    }

    private Optional<M2mDevice> find(String accountId, String id) {
        return inTx(tx -> m2mDevices().find(tx, accountId, id));
    }

    @Test
    default void createdDeviceReadsBackWhole() {
        M2mDevice terminal = device("d-1", "acc-1");
        M2mDevice modem = new M2mDevice("d-2", "acc-1", M2mDevice.DeviceType.MODEM, "Huawei E3372", null, "356938035643809",
                "Moscow, Arbat 10", T0, T0);
        create(terminal);
        create(modem);
        assertEquals(Optional.of(terminal), find("acc-1", "d-1"));
        assertEquals(Optional.of(modem), inTx(tx -> m2mDevices().lock(tx, "acc-1", "d-2")));
    }

    @Test
    default void anotherAccountsDeviceIsAbsent() {
        create(device("d-1", "acc-1"));
        assertTrue(find("acc-2", "d-1").isEmpty());
        assertTrue(inTx(tx -> m2mDevices().lock(tx, "acc-2", "d-1")).isEmpty());
        assertTrue(inTx(tx -> m2mDevices().list(tx, "acc-2", null, 10)).isEmpty());
        inTx(tx -> {
            m2mDevices().delete(tx, "acc-2", "d-1");
            return null;
        });
        assertTrue(find("acc-1", "d-1").isPresent(), "a delete for another account leaves the device alone");
    }

    @Test
    default void updateRewritesEveryFieldButIdentityAndCreation() {
        create(device("d-1", "acc-1"));
        M2mDevice changed = new M2mDevice("d-1", "acc-1", M2mDevice.DeviceType.CASH_REGISTER, "Atol 30F", "ATOL-0001", null,
                "Kazan, Baumana 5", T0, T0.plusSeconds(60));
        inTx(tx -> {
            m2mDevices().update(tx, changed);
            return null;
        });
        assertEquals(Optional.of(changed), find("acc-1", "d-1"));
    }

    @Test
    default void listPagesThroughOneAccountByIdAndDeleteRemoves() {
        for (int i = 0; i < 5; i++) {
            create(device("d-" + i, "acc-1"));
        }
        create(device("x-1", "acc-2"));
        List<String> ids = new ArrayList<>();
        String after = null;
        List<M2mDevice> page;
        do {
            String cursor = after;
            page = inTx(tx -> m2mDevices().list(tx, "acc-1", cursor, 2));
            page.forEach(d -> ids.add(d.id()));
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 2);
        assertEquals(List.of("d-0", "d-1", "d-2", "d-3", "d-4"), ids);
        inTx(tx -> {
            m2mDevices().delete(tx, "acc-1", "d-3");
            return null;
        });
        assertTrue(find("acc-1", "d-3").isEmpty());
        assertEquals(4, inTx(tx -> m2mDevices().list(tx, "acc-1", null, 10)).size());
    }

    @Test
    default void bindingsOfListTheDevicesNumbersOnly() {
        create(device("d-1", "acc-1"));
        inTx(tx -> {
            TestBindings.bind(tx, "+74951230001", "acc-1", "m2m_device", "d-1");
            TestBindings.bind(tx, "+74951230002", "acc-1", "end_user", "d-1");
            return null;
        });
        assertEquals(List.of(new NumberUser("binding of number", "+74951230001", "acc-1")), inTx(tx -> m2mDevices().bindingsOf(tx, "d-1")));
    }
}
