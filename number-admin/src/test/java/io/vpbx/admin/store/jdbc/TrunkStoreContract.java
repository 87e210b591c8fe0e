package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.trunk.SourceAddress;
import io.vpbx.admin.domain.trunk.Trunk;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every TrunkStore must do; run against H2 and PostgreSQL by the subclasses. */
abstract class TrunkStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final String kind;
    private final JdbcTrunkStore store = new JdbcTrunkStore();
    private TestDatabases.TestDatabase db;

    TrunkStoreContract(String kind) {
        this.kind = kind;
    }

    @BeforeEach
    void open() {
        db = TestDatabases.of(kind);
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<SourceAddress> addresses(String... values) {
        return Arrays.stream(values).map(SourceAddress::new).toList();
    }

    private static Trunk trunk(String id, String... addresses) {
        return new Trunk(id, "Trunk " + id, addresses(addresses), null, null, true, T0, T0);
    }

    private void create(Trunk trunk) {
        db.database().inTransaction(tx -> {
            store.create(tx, trunk);
            return null;
        });
    }

    private boolean deleted(String id) {
        return db.database().inTransaction(tx -> store.delete(tx, id));
    }

    private Optional<Trunk> find(String id) {
        return db.database().inTransaction(tx -> store.find(tx, id));
    }

    @Test
    void createdTrunkReadsBackWithItsAddressesInOrder() {
        Trunk trunk = new Trunk("t-1", "Carrier A", addresses("192.0.2.20", "2001:db8::1", "192.0.2.3"), "acc-1",
                "sip:gw.carrier.example:5060;transport=udp", false, T0, T0.plusSeconds(1));
        create(trunk);
        assertEquals(Optional.of(trunk), find("t-1"));
        assertEquals(Optional.of(trunk), db.database().inTransaction(tx -> store.lock(tx, "t-1")));
        assertTrue(find("t-2").isEmpty());
    }

    @Test
    void anAddressBelongsToOneTrunkOnly() {
        create(trunk("t-1", "192.0.2.1", "192.0.2.2"));
        ConflictException e = assertThrows(ConflictException.class, () -> create(trunk("t-2", "192.0.2.9", "192.0.2.2")));
        assertTrue(e.getMessage().startsWith("source_addresses"), e.getMessage());
        assertTrue(find("t-2").isEmpty(), "nothing of the refused trunk is left");
        Map<SourceAddress, String> holders = db.database().inTransaction(tx -> store.holders(tx,
                addresses("192.0.2.2", "192.0.2.9", "192.0.2.1")));
        assertEquals(Map.of(new SourceAddress("192.0.2.2"), "t-1", new SourceAddress("192.0.2.1"), "t-1"), holders);
    }

    @Test
    void updateReplacesFieldsAndTheWholeAddressList() {
        create(trunk("t-1", "192.0.2.1", "192.0.2.2"));
        Trunk changed = new Trunk("t-1", "Carrier B", addresses("192.0.2.2", "192.0.2.5"), "acc-1", "sips:gw.b.example",
                false, T0, T0.plusSeconds(60));
        db.database().inTransaction(tx -> {
            store.update(tx, changed);
            return null;
        });
        assertEquals(Optional.of(changed), find("t-1"));
        create(trunk("t-2", "192.0.2.1"));
        assertEquals(Map.of(new SourceAddress("192.0.2.1"), "t-2"),
                db.database().inTransaction(tx -> store.holders(tx, addresses("192.0.2.1"))), "the dropped address is free again");
    }

    @Test
    void deleteTakesTheAddressesWithIt() {
        create(trunk("t-1", "192.0.2.1"));
        assertTrue(deleted("t-1"));
        assertFalse(deleted("t-1"));
        assertTrue(find("t-1").isEmpty());
        create(trunk("t-2", "192.0.2.1"));
    }

    @Test
    void listPagesThroughTrunksByIdWithAddresses() {
        for (int i = 0; i < 5; i++) {
            create(trunk("t-" + i, "192.0.2." + i, "198.51.100." + i));
        }
        List<Trunk> first = db.database().inTransaction(tx -> store.list(tx, null, 3));
        List<Trunk> rest = db.database().inTransaction(tx -> store.list(tx, "t-2", 3));
        assertEquals(List.of("t-0", "t-1", "t-2"), first.stream().map(Trunk::id).toList());
        assertEquals(List.of("t-3", "t-4"), rest.stream().map(Trunk::id).toList());
        assertEquals(addresses("192.0.2.3", "198.51.100.3"), rest.get(0).sourceAddresses());
    }
}
