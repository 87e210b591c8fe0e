package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestBindings;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.TxWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every M2mDeviceStore must do; run against H2 and PostgreSQL by the subclasses. */
abstract class M2mDeviceStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final String kind;
    private final JdbcM2mDeviceStore store = new JdbcM2mDeviceStore();
    private TestDatabases.TestDatabase db;

    M2mDeviceStoreContract(String kind) {
        this.kind = kind;
    }

    @BeforeEach
    void open() {
        db = TestDatabases.of(kind);
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            new JdbcAccountStore().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private <T> T inTx(TxWork<T> work) {
        return db.database().inTransaction(work);
    }

    private static M2mDevice device(String id, String accountId) {
        return new M2mDevice(id, accountId, M2mDevice.DeviceType.PAYMENT_TERMINAL, "Verifone VX520", "SN-" + id, "490154203237518",
                "Moscow, Arbat 10, shop 3", T0, T0.plusSeconds(5));
    }

    private void create(M2mDevice device) {
        inTx(tx -> {
            store.create(tx, device);
            return null;
        });
    }

    private Optional<M2mDevice> find(String accountId, String id) {
        return inTx(tx -> store.find(tx, accountId, id));
    }

    @Test
    void createdDeviceReadsBackWhole() {
        M2mDevice terminal = device("d-1", "acc-1");
        M2mDevice modem = new M2mDevice("d-2", "acc-1", M2mDevice.DeviceType.MODEM, "Huawei E3372", null, "356938035643809",
                "Moscow, Arbat 10", T0, T0);
        create(terminal);
        create(modem);
        assertEquals(Optional.of(terminal), find("acc-1", "d-1"));
        assertEquals(Optional.of(modem), inTx(tx -> store.lock(tx, "acc-1", "d-2")));
    }

    @Test
    void anotherAccountsDeviceIsAbsent() {
        create(device("d-1", "acc-1"));
        assertTrue(find("acc-2", "d-1").isEmpty());
        assertTrue(inTx(tx -> store.lock(tx, "acc-2", "d-1")).isEmpty());
        assertTrue(inTx(tx -> store.list(tx, "acc-2", null, 10)).isEmpty());
        inTx(tx -> {
            store.delete(tx, "acc-2", "d-1");
            return null;
        });
        assertTrue(find("acc-1", "d-1").isPresent(), "a delete for another account leaves the device alone");
    }

    @Test
    void updateRewritesEveryFieldButIdentityAndCreation() {
        create(device("d-1", "acc-1"));
        M2mDevice changed = new M2mDevice("d-1", "acc-1", M2mDevice.DeviceType.CASH_REGISTER, "Atol 30F", "ATOL-0001", null,
                "Kazan, Baumana 5", T0, T0.plusSeconds(60));
        inTx(tx -> {
            store.update(tx, changed);
            return null;
        });
        assertEquals(Optional.of(changed), find("acc-1", "d-1"));
    }

    @Test
    void listPagesThroughOneAccountByIdAndDeleteRemoves() {
        for (int i = 0; i < 5; i++) {
            create(device("d-" + i, "acc-1"));
        }
        create(device("x-1", "acc-2"));
        List<String> ids = new ArrayList<>();
        String after = null;
        List<M2mDevice> page;
        do {
            String cursor = after;
            page = inTx(tx -> store.list(tx, "acc-1", cursor, 2));
            page.forEach(d -> ids.add(d.id()));
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 2);
        assertEquals(List.of("d-0", "d-1", "d-2", "d-3", "d-4"), ids);
        inTx(tx -> {
            store.delete(tx, "acc-1", "d-3");
            return null;
        });
        assertTrue(find("acc-1", "d-3").isEmpty());
        assertEquals(4, inTx(tx -> store.list(tx, "acc-1", null, 10)).size());
    }

    @Test
    void bindingsOfListTheDevicesNumbersOnly() {
        create(device("d-1", "acc-1"));
        inTx(tx -> {
            TestBindings.bind(tx, "+74951230001", "acc-1", "m2m_device", "d-1");
            TestBindings.bind(tx, "+74951230002", "acc-1", "end_user", "d-1");
            return null;
        });
        assertEquals(List.of(new NumberUser("binding of number", "+74951230001", "acc-1")), inTx(tx -> store.bindingsOf(tx, "d-1")));
    }
}
