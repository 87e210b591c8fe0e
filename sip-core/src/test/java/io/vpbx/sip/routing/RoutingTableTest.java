package io.vpbx.sip.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trunks in the routing table: found by every source address, replaced and removed whole, chosen for calls out. */
class RoutingTableTest {
    private final RoutingTable table = new RoutingTable();

    private static TrunkEntry trunk(String id, String accountId, String outboundUri, String... addresses) {
        return new TrunkEntry(id, "trunk " + id, List.of(addresses), accountId, outboundUri);
    }

    @Test
    void aTrunkIsFoundUnderEachOfItsSourceAddresses() {
        TrunkEntry carrier = trunk("t-1", null, null, "192.0.2.10", "192.0.2.11", "2001:db8:0:0:0:0:0:1");
        table.put(carrier);
        assertEquals(Optional.of(carrier), table.trunkFrom("192.0.2.10"));
        assertEquals(Optional.of(carrier), table.trunkFrom("192.0.2.11"));
        assertEquals(Optional.of(carrier), table.trunkFrom("2001:db8:0:0:0:0:0:1"));
        assertTrue(table.trunkFrom("192.0.2.12").isEmpty());
    }

    @Test
    void replacingATrunkDropsTheAddressesItNoLongerHas() {
        table.put(trunk("t-1", null, null, "192.0.2.10", "192.0.2.11"));
        TrunkEntry changed = trunk("t-1", "acme", null, "192.0.2.11", "192.0.2.12");
        table.put(changed);
        assertTrue(table.trunkFrom("192.0.2.10").isEmpty());
        assertEquals(Optional.of(changed), table.trunkFrom("192.0.2.11"), "the kept address leads to the new version");
        assertEquals(Optional.of(changed), table.trunkFrom("192.0.2.12"));
        assertEquals(1, table.trunkCount());
    }

    @Test
    void removingATrunkForgetsEveryAddressButLeavesAnAddressAnotherTrunkTookSince() {
        table.put(trunk("t-1", null, null, "192.0.2.10", "192.0.2.11"));
        TrunkEntry other = trunk("t-2", null, null, "192.0.2.11");
        table.put(other);
        table.removeTrunk("t-1");
        assertTrue(table.trunkFrom("192.0.2.10").isEmpty());
        assertEquals(Optional.of(other), table.trunkFrom("192.0.2.11"));
        table.removeTrunk("t-404");
        assertEquals(1, table.trunkCount());
    }

    @Test
    void callsOutTakeTheAccountsOwnTrunkFirstThenACarrierTrunkWithAnOutboundUri() {
        table.put(trunk("t-in-only", null, null, "192.0.2.1"));
        assertTrue(table.outboundTrunk("acme").isEmpty(), "a trunk without an outbound URI carries nothing out");

        TrunkEntry carrierB = trunk("t-b", null, "sip:gw-b.carrier.example", "192.0.2.2");
        TrunkEntry carrierA = trunk("t-a", null, "sip:gw-a.carrier.example", "192.0.2.3");
        table.put(carrierB);
        table.put(carrierA);
        assertEquals(Optional.of(carrierA), table.outboundTrunk("acme"), "among carrier trunks, the lowest id");

        TrunkEntry acme = trunk("t-z", "acme", "sip:pbx.acme.example;transport=tcp", "192.0.2.4");
        table.put(acme);
        table.put(trunk("t-0", "globex", "sip:gw.globex.example", "192.0.2.5"));
        assertEquals(Optional.of(acme), table.outboundTrunk("acme"));
        assertEquals(Optional.of(carrierA), table.outboundTrunk("initech"), "another account's trunk is never used");

        table.removeTrunk("t-z");
        assertEquals(Optional.of(carrierA), table.outboundTrunk("acme"));
    }
}
