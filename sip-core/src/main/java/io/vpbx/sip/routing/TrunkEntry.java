package io.vpbx.sip.routing;

import java.util.List;
import java.util.Objects;

/**
 * The routing table's entry for a carrier or operator trunk (built from the trunk the operator manages, which also
 * keeps what routing does not need), recognised by any of its source addresses (written as
 * {@link java.net.InetAddress#getHostAddress()} writes them, the form a received packet's sender has).
 * {@code accountId} null: a carrier trunk serving every account's numbers; otherwise the trunk reaches that
 * account's numbers only. {@code outboundUri}: where calls out through this trunk are sent (a SIP URI such as
 * {@code sip:gw.carrier.example:5060;transport=udp}), or null for a trunk that only brings calls in.
 */
public record TrunkEntry(String id, String name, List<String> sourceAddresses, String accountId, String outboundUri) {

    public TrunkEntry {
        Objects.requireNonNull(id, "id");
        sourceAddresses = List.copyOf(sourceAddresses);
    }

    /** An inbound-only trunk known by one address, named by its id. */
    public TrunkEntry(String name, String sourceAddress, String accountId) {
        this(name, name, List.of(sourceAddress), accountId, null);
    }

    public boolean carriesOutbound() {
        return outboundUri != null;
    }
}
