package io.vpbx.telephony.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into its addresses: a blocking lookup, never called on an event loop. */
@FunctionalInterface
public interface HostResolver {

    /** Every address of {@code host}; an IP literal is its own address. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver (the system's, with the JVM's cache). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
