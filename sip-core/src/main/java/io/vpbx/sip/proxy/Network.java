package io.vpbx.sip.proxy;

import io.vpbx.sip.wire.SipUri;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * What the proxy core needs from the transports. Every call and callback happens on the SIP event loop.
 */
public interface Network {

    /**
     * Finds or opens a flow to the next hop named by {@code uri} (its host, port and transport parameter;
     * no DNS SRV: hosts are IP literals or names resolved off the event loop). Calls {@code then} on the event
     * loop with the flow, or with null when the next hop cannot be reached.
     */
    void flowTo(SipUri uri, Consumer<Flow> then);

    /**
     * Like {@link #flowTo(SipUri, Consumer)}, for a next hop an account named (an external PBX, a third-party
     * registrar): when its host is, or resolves to, an address accounts may not reach (private, loopback,
     * link-local, multicast...; see {@code PrivateTargets}) nothing is sent there and {@code refused} is called
     * instead of {@code then}. Exactly one of the two is called, on the event loop.
     */
    default void flowToAccountTarget(SipUri uri, Runnable refused, Consumer<Flow> then) {
        flowTo(uri, then);
    }

    /** A flow to a known address (a response to a Via, an ACK to a contact we already resolved). */
    Flow flowTo(String transport, InetSocketAddress address);

    /** The sent-protocol and sent-by of our Via for that transport, e.g. {@code SIP/2.0/UDP 192.0.2.1:5060}. */
    String viaPrefix(String transport);

    /** The Record-Route value naming this proxy for that transport. */
    String recordRoute(String transport);

    /** Whether host:port is this proxy (for Route popping and loop detection). */
    boolean isUs(String host, int port);
}
