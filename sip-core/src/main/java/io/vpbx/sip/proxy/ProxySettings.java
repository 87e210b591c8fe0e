package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.TransactionTimers;
import java.time.Duration;
import java.util.Objects;

/**
 * The proxy's bounds.
 *
 * @param maxHeaders header fields a message may have before it is refused
 * @param maxTransactions live transactions before new requests get 503
 * @param maxDialogs answered calls tracked for their call records before new ones go untracked (counted)
 * @param maxCallDuration a dialog whose BYE never passed is recorded as ended after this long
 * @param timers the transaction timers (T1 from configuration)
 */
public record ProxySettings(int maxHeaders, int maxTransactions, int maxDialogs, Duration maxCallDuration,
                            TransactionTimers timers) {
    public ProxySettings {
        if (maxHeaders <= 0 || maxTransactions <= 0 || maxDialogs <= 0 || maxCallDuration.isNegative() || maxCallDuration.isZero()) {
            throw new IllegalArgumentException("proxy bounds must be positive");
        }
        Objects.requireNonNull(timers, "timers");
    }

    /** With RFC 3261's timer values. */
    public ProxySettings(int maxHeaders, int maxTransactions, int maxDialogs, Duration maxCallDuration) {
        this(maxHeaders, maxTransactions, maxDialogs, maxCallDuration, TransactionTimers.rfc3261());
    }
}
