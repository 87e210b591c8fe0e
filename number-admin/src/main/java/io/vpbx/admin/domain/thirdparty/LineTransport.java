package io.vpbx.admin.domain.thirdparty;

import io.vpbx.admin.domain.WireName;

/** How vpbx reaches the other operator's registrar: UDP or TCP (TLS is not offered by this issue). */
public enum LineTransport implements WireName {
    UDP,
    TCP;

    /** "udp" or "tcp", any case; empty when it is neither. */
    public static java.util.Optional<LineTransport> fromWire(String value) {
        return WireName.lenient(LineTransport.class, value);
    }
}
