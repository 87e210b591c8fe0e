package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.trunk.SourceAddress;
import io.vpbx.admin.domain.trunk.Trunk;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every TrunkStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface TrunkStoreContract extends StoreContract {
    TrunkStore trunks();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            return null;
        });
    }

    private static List<SourceAddress> addresses(String... values) {
        return Arrays.stream(values).map(SourceAddress::new).toList();
    }

    private static Trunk trunk(String id, String... addresses) {
        return new Trunk(id, "Trunk " + id, addresses(addresses), null, null, true, T0, T0);
    }

    private void create(Trunk trunk) {
        inTx(tx -> {
            trunks().create(tx, trunk);
            return null;
        });
    }

    private boolean deleted(String id) {
        return inTx(tx -> trunks().delete(tx, id));
    }

    private Optional<Trunk> find(String id) {
        return inTx(tx -> trunks().find(tx, id));
    }

    @Test
    default void createdTrunkReadsBackWithItsAddressesInOrder() {
        Trunk trunk = new Trunk("t-1", "Carrier A", addresses("192.0.2.20", "2001:db8::1", "192.0.2.3"), "acc-1",
                "sip:gw.carrier.example:5060;transport=udp", false, T0, T0.plusSeconds(1));
        create(trunk);
        assertEquals(Optional.of(trunk), find("t-1"));
        assertEquals(Optional.of(trunk), inTx(tx -> trunks().lock(tx, "t-1")));
        assertTrue(find("t-2").isEmpty());
    }

    @Test
    default void anAddressBelongsToOneTrunkOnly() {
        create(trunk("t-1", "192.0.2.1", "192.0.2.2"));
        ConflictException e = assertThrows(ConflictException.class, () -> create(trunk("t-2", "192.0.2.9", "192.0.2.2")));
        assertTrue(e.getMessage().startsWith("source_addresses"), e.getMessage());
        assertTrue(find("t-2").isEmpty(), "nothing of the refused trunk is left");
        Map<SourceAddress, String> holders = inTx(tx -> trunks().holders(tx,
                addresses("192.0.2.2", "192.0.2.9", "192.0.2.1")));
        assertEquals(Map.of(new SourceAddress("192.0.2.2"), "t-1", new SourceAddress("192.0.2.1"), "t-1"), holders);
    }

    @Test
    default void updateReplacesFieldsAndTheWholeAddressList() {
        create(trunk("t-1", "192.0.2.1", "192.0.2.2"));
        Trunk changed = new Trunk("t-1", "Carrier B", addresses("192.0.2.2", "192.0.2.5"), "acc-1", "sips:gw.b.example",
                false, T0, T0.plusSeconds(60));
        inTx(tx -> {
            trunks().update(tx, changed);
            return null;
        });
        assertEquals(Optional.of(changed), find("t-1"));
        create(trunk("t-2", "192.0.2.1"));
        assertEquals(Map.of(new SourceAddress("192.0.2.1"), "t-2"),
                inTx(tx -> trunks().holders(tx, addresses("192.0.2.1"))), "the dropped address is free again");
    }

    @Test
    default void deleteTakesTheAddressesWithIt() {
        create(trunk("t-1", "192.0.2.1"));
        assertTrue(deleted("t-1"));
        assertFalse(deleted("t-1"));
        assertTrue(find("t-1").isEmpty());
        create(trunk("t-2", "192.0.2.1"));
    }

    @Test
    default void listPagesThroughTrunksByIdWithAddresses() {
        for (int i = 0; i < 5; i++) {
            create(trunk("t-" + i, "192.0.2." + i, "198.51.100." + i));
        }
        List<Trunk> first = inTx(tx -> trunks().list(tx, null, 3));
        List<Trunk> rest = inTx(tx -> trunks().list(tx, "t-2", 3));
        assertEquals(List.of("t-0", "t-1", "t-2"), first.stream().map(Trunk::id).toList());
        assertEquals(List.of("t-3", "t-4"), rest.stream().map(Trunk::id).toList());
        assertEquals(addresses("192.0.2.3", "198.51.100.3"), rest.get(0).sourceAddresses());
    }
}
