package io.vpbx.sip.routing;

import java.util.List;
import java.util.Objects;

/**
 * A carrier or operator trunk, recognised by any of its source addresses (written as
 * {@link java.net.InetAddress#getHostAddress()} writes them, the form a received packet's sender has).
 * {@code accountId} null: a carrier trunk serving every account's numbers; otherwise the trunk reaches that
 * account's numbers only. {@code outboundUri}: where calls out through this trunk are sent (a SIP URI such as
 * {@code sip:gw.carrier.example:5060;transport=udp}), or null for a trunk that only brings calls in.
 */
public record Trunk(String id, String name, List<String> sourceAddresses, String accountId, String outboundUri) {

    public Trunk {
        Objects.requireNonNull(id, "id");
        sourceAddresses = List.copyOf(sourceAddresses);
    }

    /** An inbound-only trunk known by one address, named by its id. */
    public Trunk(String name, String sourceAddress, String accountId) {
        this(name, name, List.of(sourceAddress), accountId, null);
    }

    public boolean carriesOutbound() {
        return outboundUri != null;
    }
}
