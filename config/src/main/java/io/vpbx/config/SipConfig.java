package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The SIP listener and the limits every SIP input is held to. Errors name the configuration key.
 *
 * @param host interface to bind
 * @param port port for UDP and TCP, 0 for any free port
 * @param udp whether SIP is served over UDP
 * @param tcp whether SIP is served over TCP
 * @param realm digest authentication realm
 * @param maxMessageBytes largest accepted SIP message
 * @param maxHeaders most header fields one message may carry
 * @param perSourceRate sustained requests per second from one source IP address, 0 for no throttling
 * @param perSourceBurst requests one source IP address may send at once above the sustained rate
 * @param maxSources most source IP addresses the throttle tracks at once (per event loop)
 * @param maxTransactions most SIP transactions in the transaction table of one event loop
 * @param advertisedHost host written into our Via and Record-Route; empty for {@link #advertisedHostOrDefault()}
 * @param timerT1 RFC 3261's T1, the round-trip estimate every transaction timer derives from (Timer F, the
 *                longest wait for an answer to a non-INVITE request, is 64*T1)
 * @param routeSecret the key that signs our Record-Route for each dialog (docs/adr/0012); empty: a random one
 *                    per start. Never shown by toString.
 */
public record SipConfig(String host, int port, boolean udp, boolean tcp, String realm, int maxMessageBytes,
        int maxHeaders, int perSourceRate, int perSourceBurst, int maxSources, int maxTransactions,
        String advertisedHost, Duration timerT1, Optional<String> routeSecret) {

    /** Shortest {@code sip.route-secret}: 32 characters, so that a guessed secret is no shortcut to a forged route. */
    public static final int MIN_ROUTE_SECRET = 32;

    public static final int MIN_MESSAGE_BYTES = 512;
    public static final int MAX_MESSAGE_BYTES = 65535;
    /** Room for the six mandatory headers of RFC 3261 section 8.1.1 and the usual Contact, Content-*. */
    public static final int MIN_HEADERS = 16;
    public static final int MAX_HEADERS = 10_000;
    public static final int MAX_RATE = 1_000_000;
    public static final int MAX_SOURCES = 10_000_000;
    public static final int MAX_TRANSACTIONS = 10_000_000;
    /** What a wildcard bind address is advertised as when no advertised host is set. */
    public static final String LOOPBACK = "127.0.0.1";
    /** Completes "expected ..." for {@code sip.advertised-host}. */
    static final String ADVERTISABLE = "a host name or IP address without port, not 0.0.0.0 or ::";

    /*
     * The values the short constructor applies; DefaultsFileTest proves they equal vpbx-defaults.properties,
     * which stays the one documented place.
     */
    static final int DEFAULT_MAX_HEADERS = 100;
    static final int DEFAULT_PER_SOURCE_RATE = 2000;
    static final int DEFAULT_PER_SOURCE_BURST = 4000;
    static final int DEFAULT_MAX_SOURCES = 10_000;
    static final int DEFAULT_MAX_TRANSACTIONS = 200_000;
    static final Duration DEFAULT_TIMER_T1 = Duration.ofMillis(500);
    static final Duration MIN_TIMER_T1 = Duration.ofMillis(10);
    static final Duration MAX_TIMER_T1 = Duration.ofSeconds(10);

    public SipConfig {
        Checks.requireText(host, "sip.host");
        Checks.requirePort(port, "sip.port");
        if (!udp && !tcp) {
            throw new IllegalArgumentException("at least one SIP transport (sip.udp or sip.tcp) must be enabled");
        }
        Checks.requireText(realm, "sip.realm");
        Checks.requireBetween(maxMessageBytes, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES, "sip.max-message-bytes");
        Checks.requireBetween(maxHeaders, MIN_HEADERS, MAX_HEADERS, "sip.max-headers");
        Checks.requireBetween(perSourceRate, 0, MAX_RATE, "sip.per-source.rate");
        Checks.requireBetween(perSourceBurst, 1, MAX_RATE, "sip.per-source.burst");
        Checks.requireBetween(maxSources, 1, MAX_SOURCES, "sip.per-source.max-sources");
        Checks.requireBetween(maxTransactions, 1, MAX_TRANSACTIONS, "sip.max-transactions");
        Objects.requireNonNull(advertisedHost, "sip.advertised-host");
        if (!advertisedHost.isEmpty() && !isAdvertisable(advertisedHost)) {
            throw new IllegalArgumentException("sip.advertised-host must be empty or " + ADVERTISABLE + " but is '"
                    + advertisedHost + "'");
        }
        Objects.requireNonNull(timerT1, "sip.timer-t1");
        if (timerT1.compareTo(MIN_TIMER_T1) < 0 || timerT1.compareTo(MAX_TIMER_T1) > 0) {
            throw new IllegalArgumentException("sip.timer-t1 must be between 10ms and 10s but is " + timerT1);
        }
        Objects.requireNonNull(routeSecret, "sip.route-secret");
        if (routeSecret.isPresent() && routeSecret.get().length() < MIN_ROUTE_SECRET) {
            throw new IllegalArgumentException("sip.route-secret must be empty or at least " + MIN_ROUTE_SECRET + " characters");
        }
    }

    /** Without a route secret of its own (a random one per start). */
    public SipConfig(String host, int port, boolean udp, boolean tcp, String realm, int maxMessageBytes, int maxHeaders,
                     int perSourceRate, int perSourceBurst, int maxSources, int maxTransactions, String advertisedHost,
                     Duration timerT1) {
        this(host, port, udp, tcp, realm, maxMessageBytes, maxHeaders, perSourceRate, perSourceBurst, maxSources,
                maxTransactions, advertisedHost, timerT1, Optional.empty());
    }

    @Override
    public String toString() {
        return "SipConfig[host=" + host + ", port=" + port + ", udp=" + udp + ", tcp=" + tcp + ", realm=" + realm
                + ", maxMessageBytes=" + maxMessageBytes + ", maxHeaders=" + maxHeaders + ", perSourceRate=" + perSourceRate
                + ", perSourceBurst=" + perSourceBurst + ", maxSources=" + maxSources + ", maxTransactions=" + maxTransactions
                + ", advertisedHost=" + advertisedHost + ", timerT1=" + timerT1 + ", routeSecret="
                + (routeSecret.isPresent() ? SecretMask.MASK : "generated") + "]";
    }

    /** With RFC 3261's T1 of 500 ms. */
    public SipConfig(String host, int port, boolean udp, boolean tcp, String realm, int maxMessageBytes, int maxHeaders,
                     int perSourceRate, int perSourceBurst, int maxSources, int maxTransactions, String advertisedHost) {
        this(host, port, udp, tcp, realm, maxMessageBytes, maxHeaders, perSourceRate, perSourceBurst, maxSources,
                maxTransactions, advertisedHost, DEFAULT_TIMER_T1);
    }

    /** The listener alone, with the documented default limits and no advertised host of its own. */
    public SipConfig(String host, int port, boolean udp, boolean tcp, String realm, int maxMessageBytes) {
        this(host, port, udp, tcp, realm, maxMessageBytes, DEFAULT_MAX_HEADERS, DEFAULT_PER_SOURCE_RATE,
                DEFAULT_PER_SOURCE_BURST, DEFAULT_MAX_SOURCES, DEFAULT_MAX_TRANSACTIONS, "");
    }

    /** Whether requests are throttled per source IP address at all. */
    public boolean throttlesSources() {
        return perSourceRate > 0;
    }

    /**
     * The host for our Via sent-by and Record-Route URI, written as a SIP URI host (an IPv6 address in
     * brackets, RFC 3261 section 25.1): {@link #advertisedHost()} when set, else {@link #host()}, except that
     * a wildcard bind address (0.0.0.0, ::) is nothing a peer could send to, so it becomes 127.0.0.1.
     */
    public String advertisedHostOrDefault() {
        if (!advertisedHost.isEmpty()) {
            return uriHost(advertisedHost);
        }
        return isUnspecified(host) ? LOOPBACK : uriHost(host);
    }

    /** A host name, IPv4 address or IPv6 address (bracketed or not), with no port and not a wildcard. */
    static boolean isAdvertisable(String text) {
        if (text.isBlank() || isUnspecified(text)) {
            return false;
        }
        String bare = withoutBrackets(text);
        if (bare.length() != text.length()) {
            return bare.indexOf(':') >= 0 && isIpv6Text(bare);
        }
        if (bare.indexOf(':') >= 0) {
            // Unbracketed colons: an IPv6 literal, or a host with a port, which is not a host.
            return isIpv6Text(bare) && bare.indexOf(':') != bare.lastIndexOf(':');
        }
        return bare.chars().allMatch(c -> isAsciiAlphanumeric(c) || c == '-' || c == '.');
    }

    /**
     * Whether a bind address means "every interface". Only literals made of 0, dots and colons can be
     * (0.0.0.0, ::, and the short forms the resolver accepts); nothing is ever looked up.
     */
    static boolean isUnspecified(String host) {
        String bare = withoutBrackets(host);
        boolean zerosDotsColons = bare.chars().allMatch(c -> c == '0' || c == '.' || c == ':');
        return zerosDotsColons && (bare.indexOf('0') >= 0 || bare.contains("::"));
    }

    private static String uriHost(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String withoutBrackets(String text) {
        boolean bracketed = text.length() > 2 && text.startsWith("[") && text.endsWith("]");
        return bracketed ? text.substring(1, text.length() - 1) : text;
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isIpv6Text(String text) {
        return text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                || c == ':' || c == '.');
    }
}
