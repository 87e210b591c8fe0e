package io.vpbx.config;

import java.time.Duration;

/**
 * Limits on SIP stream connections (TCP and TLS), accepted and opened alike. The size of one message is
 * {@link SipConfig#maxMessageBytes()}, the same for every transport.
 *
 * @param maxConnections          most connections open at once; one more is closed as soon as it is accepted
 * @param maxConnectionsPerSource most connections open at once from one source IP address
 * @param idleTimeout             a connection with no traffic either way for this long is closed; longer than the
 *                                longest registration, so that a phone's flow stays open while it is registered
 * @param messageTimeout          time to receive a whole message once its first byte arrived, and for an
 *                                accepted connection, time from connecting to its first whole message
 */
public record SipTcpConfig(int maxConnections, int maxConnectionsPerSource, Duration idleTimeout, Duration messageTimeout) {

    public static final int MAX_CONNECTIONS = 1_000_000;
    /** The documented defaults, for servers built in code (tests). */
    public static final SipTcpConfig DEFAULTS = new SipTcpConfig(10_000, 500, Duration.ofMinutes(65), Duration.ofSeconds(20));

    public SipTcpConfig {
        Checks.requireBetween(maxConnections, 1, MAX_CONNECTIONS, "sip.tcp.max-connections");
        Checks.requireBetween(maxConnectionsPerSource, 1, maxConnections, "sip.tcp.max-connections-per-source");
        Checks.requirePositive(idleTimeout, "sip.tcp.idle-timeout");
        Checks.requirePositive(messageTimeout, "sip.tcp.message-timeout");
        if (messageTimeout.compareTo(idleTimeout) > 0) {
            throw new IllegalArgumentException("sip.tcp.message-timeout must not be longer than sip.tcp.idle-timeout");
        }
    }
}
