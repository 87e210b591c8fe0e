package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.TransactionTimers;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The proxy's bounds.
 *
 * @param maxHeaders header fields a message may have before it is refused
 * @param maxTransactions live transactions before new requests get 503
 * @param maxDialogs answered calls tracked for their call records before new ones go untracked (counted)
 * @param maxCallDuration a dialog whose BYE never passed is recorded as ended after this long
 * @param timers the transaction timers (T1 from configuration)
 * @param routeSecret signs our Record-Route per dialog (docs/adr/0012); empty: a random secret per start
 */
public record ProxySettings(int maxHeaders, int maxTransactions, int maxDialogs, Duration maxCallDuration,
                            TransactionTimers timers, Optional<String> routeSecret) {
    public ProxySettings {
        if (maxHeaders <= 0 || maxTransactions <= 0 || maxDialogs <= 0 || maxCallDuration.isNegative() || maxCallDuration.isZero()) {
            throw new IllegalArgumentException("proxy bounds must be positive");
        }
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(routeSecret, "routeSecret");
    }

    /** With a random route secret. */
    public ProxySettings(int maxHeaders, int maxTransactions, int maxDialogs, Duration maxCallDuration,
                         TransactionTimers timers) {
        this(maxHeaders, maxTransactions, maxDialogs, maxCallDuration, timers, Optional.empty());
    }

    /** The key of the route signatures: the configured secret's bytes, else 32 random bytes. */
    byte[] routeKey() {
        if (routeSecret.isPresent()) {
            return routeSecret.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    /** With RFC 3261's timer values. */
    public ProxySettings(int maxHeaders, int maxTransactions, int maxDialogs, Duration maxCallDuration) {
        this(maxHeaders, maxTransactions, maxDialogs, maxCallDuration, TransactionTimers.rfc3261());
    }
}
