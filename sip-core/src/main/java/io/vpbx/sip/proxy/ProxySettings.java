package io.vpbx.sip.proxy;

import java.time.Duration;

/**
 * The proxy's bounds.
 *
 * @param maxHeaders header fields a message may have before it is refused
 * @param maxTransactions live transactions before new requests get 503
 * @param maxDialogs answered calls tracked for their call records before new ones go untracked (counted)
 * @param maxCallDuration a dialog whose BYE never passed is recorded as ended after this long
 */
public record ProxySettings(int maxHeaders, int maxTransactions, int maxDialogs, Duration maxCallDuration) {
    public ProxySettings {
        if (maxHeaders <= 0 || maxTransactions <= 0 || maxDialogs <= 0 || maxCallDuration.isNegative() || maxCallDuration.isZero()) {
            throw new IllegalArgumentException("proxy bounds must be positive");
        }
    }
}
