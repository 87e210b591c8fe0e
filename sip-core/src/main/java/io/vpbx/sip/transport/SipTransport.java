package io.vpbx.sip.transport;

import java.util.Locale;

/** The transports SIP is served over. */
public enum SipTransport {
    UDP,
    TCP,
    TLS;

    /** The value of the {@code transport} tag of {@code vpbx.sip.messages}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
