package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.Transport;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;

/** One path to a peer: the UDP socket and a peer address, or one TCP connection. */
public interface Flow extends Transport<WireMessage> {

    InetSocketAddress remote();

    /** "UDP", "TCP" or "TLS", as written in a Via. */
    String transport();
}
