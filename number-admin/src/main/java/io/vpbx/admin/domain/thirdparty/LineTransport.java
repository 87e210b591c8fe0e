package io.vpbx.admin.domain.thirdparty;

import java.util.Locale;

/** How vpbx reaches the other operator's registrar: UDP or TCP (TLS is not offered by this issue). */
public enum LineTransport {
    UDP,
    TCP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "udp" or "tcp", any case; empty when it is neither. */
    public static java.util.Optional<LineTransport> fromWire(String value) {
        for (LineTransport transport : values()) {
            if (transport.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return java.util.Optional.of(transport);
            }
        }
        return java.util.Optional.empty();
    }
}
