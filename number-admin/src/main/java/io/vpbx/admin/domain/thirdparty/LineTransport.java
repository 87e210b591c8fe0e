package io.vpbx.admin.domain.thirdparty;

import io.vpbx.admin.domain.WireNames;

/** How vpbx reaches the other operator's registrar: UDP or TCP (TLS is not offered by this issue). */
public enum LineTransport {
    UDP,
    TCP;

    public String wireName() {
        return WireNames.of(this);
    }

    /** "udp" or "tcp", any case; empty when it is neither. */
    public static java.util.Optional<LineTransport> fromWire(String value) {
        return WireNames.lenient(LineTransport.class, value);
    }
}
