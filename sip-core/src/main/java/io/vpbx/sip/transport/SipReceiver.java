package io.vpbx.sip.transport;

import io.vpbx.sip.proxy.Flow;

/** Takes one framed SIP message and the flow it came on; runs on the SIP event loop. */
@FunctionalInterface
public interface SipReceiver {
    void receive(byte[] message, Flow source);
}
