package io.vpbx.config;

/**
 * The SIP listener.
 *
 * @param host interface to bind
 * @param port port for UDP and TCP, 0 for any free port
 * @param udp whether SIP is served over UDP
 * @param tcp whether SIP is served over TCP
 * @param realm digest authentication realm
 * @param maxMessageBytes largest accepted SIP message
 */
public record SipConfig(String host, int port, boolean udp, boolean tcp, String realm, int maxMessageBytes) {

    public static final int MIN_MESSAGE_BYTES = 512;
    public static final int MAX_MESSAGE_BYTES = 65535;

    public SipConfig {
        Checks.requireText(host, "SIP host");
        Checks.requirePort(port, "SIP port");
        if (!udp && !tcp) {
            throw new IllegalArgumentException("at least one SIP transport (UDP or TCP) must be enabled");
        }
        Checks.requireText(realm, "SIP realm");
        Checks.requireBetween(maxMessageBytes, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES, "SIP max message bytes");
    }
}
