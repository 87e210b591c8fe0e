package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.admin.TestBindings;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.domain.inventory.NumberUser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every M2mDeviceStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface M2mDeviceStoreContract extends AccountResourceStoreContract<M2mDevice> {
    M2mDeviceStore m2mDevices();

    @Override
    default AccountResourceStore<M2mDevice> resources() {
        return m2mDevices();
    }

    @Override
    default M2mDevice resource(String id, String accountId, int n) {
        return device(id, accountId);
    }

    @Override
    default String idOf(M2mDevice device) {
        return device.id();
    }


    private static M2mDevice device(String id, String accountId) {
        return new M2mDevice(id, accountId, M2mDevice.DeviceType.PAYMENT_TERMINAL, "Verifone VX520", "SN-" + id, "490154203237518",
                "Moscow, Arbat 10, shop 3", T0, T0.plusSeconds(5));
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
