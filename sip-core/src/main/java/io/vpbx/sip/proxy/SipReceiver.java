package io.vpbx.sip.proxy;

/**
 * Takes one framed SIP message and the flow it came on; runs on the SIP event loop. The transports call it;
 * {@link ProxyCore#receive} is the one behind it.
 */
@FunctionalInterface
public interface SipReceiver {
    /** @param message the message as received, one char per byte (ISO-8859-1) */
    void receive(String message, Flow source);
}
