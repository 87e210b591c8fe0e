package io.vpbx.sip.proxy;

import java.net.InetAddress;

/**
 * The two ends of a dialog answered through this proxy, as it saw them: the caller's source address and the
 * address the INVITE was sent to for the callee. Within the dialog only requests from one of them are relayed.
 */
record DialogParties(InetAddress caller, InetAddress callee) {

    boolean includes(InetAddress source) {
        return source.equals(caller) || source.equals(callee);
    }
}
