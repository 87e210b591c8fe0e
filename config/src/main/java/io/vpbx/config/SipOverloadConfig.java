package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SIP proxy sheds load it cannot carry: the per-source throttle's separate limit for carrier trunks, and
 * overload control (new calls answered 503 with Retry-After, or dropped unread, while the event loop is behind).
 * Errors name the configuration key.
 *
 * @param trunkRate sustained out-of-dialog requests per second from a source address of a configured trunk, 0 for
 *                  no throttling of trunks
 * @param trunkBurst out-of-dialog requests a trunk's address may send at once above {@code trunkRate}
 * @param enabled whether overload control sheds new calls at all
 * @param lagReject how late the event loop's timer may fire before new calls are shed with 503
 * @param lagDrop how late it may fire before new calls are dropped unread instead of answered
 * @param queueRejectPercent how full the UDP socket's receive queue may stay for a whole sample (its emptiest moment)
 *                           before new calls are shed with 503
 * @param queueDropPercent how full it may stay before new calls are dropped unread instead
 * @param transactionsRejectPercent share of {@code sip.max-transactions} in use at which new calls are shed with 503
 * @param retryAfter the Retry-After a shed call is answered with (whole seconds)
 */
public record SipOverloadConfig(int trunkRate, int trunkBurst, boolean enabled, Duration lagReject, Duration lagDrop,
        int queueRejectPercent, int queueDropPercent, int transactionsRejectPercent, Duration retryAfter) {

    public SipOverloadConfig {
        Checks.requireBetween(trunkRate, 0, SipConfig.MAX_RATE, "sip.per-source.trunk-rate");
        Checks.requireBetween(trunkBurst, 1, SipConfig.MAX_RATE, "sip.per-source.trunk-burst");
        Checks.requirePositive(lagReject, "sip.overload.lag-reject");
        Objects.requireNonNull(lagDrop, "sip.overload.lag-drop");
        if (lagDrop.compareTo(lagReject) < 0) {
            throw new IllegalArgumentException("sip.overload.lag-drop must not be shorter than sip.overload.lag-reject");
        }
        Checks.requireBetween(queueRejectPercent, 1, 100, "sip.overload.queue-reject-percent");
        Checks.requireBetween(queueDropPercent, queueRejectPercent, 100, "sip.overload.queue-drop-percent");
        Checks.requireBetween(transactionsRejectPercent, 1, 100, "sip.overload.transactions-reject-percent");
        Objects.requireNonNull(retryAfter, "sip.overload.retry-after");
        if (retryAfter.toSeconds() < 1 || retryAfter.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("sip.overload.retry-after must be whole seconds, at least 1s");
        }
    }

    /** The documented defaults (vpbx-defaults.properties; DefaultsFileTest proves they agree). */
    public static SipOverloadConfig defaults() {
        return new SipOverloadConfig(20_000, 40_000, true, Duration.ofMillis(50), Duration.ofMillis(500), 10, 50, 80,
                Duration.ofSeconds(2));
    }

    /** Whether trunks' out-of-dialog requests are throttled at all. */
    public boolean throttlesTrunks() {
        return trunkRate > 0;
    }
}
