package io.vpbx.sip.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * T1, T2, T4 and the unreliable Timer D of RFC 3261 section 17, from which every other timer is
 * derived. Validated on construction.
 *
 * @param t1 RTT estimate; first retransmit interval and the 64*T1 timeouts (RFC default 500 ms)
 * @param t2 cap on non-INVITE request and INVITE final response retransmit intervals (4 s)
 * @param t4 how long the network may keep a message in flight (5 s)
 * @param timerDUnreliable how long an INVITE client transaction absorbs final response
 *     retransmits over an unreliable transport; the RFC requires at least 32 s
 */
public record TransactionTimers(Duration t1, Duration t2, Duration t4, Duration timerDUnreliable) {

    private static final Duration MIN_TIMER_D = Duration.ofSeconds(32);

    public TransactionTimers {
        Objects.requireNonNull(t1, "t1");
        Objects.requireNonNull(t2, "t2");
        Objects.requireNonNull(t4, "t4");
        Objects.requireNonNull(timerDUnreliable, "timerDUnreliable");
        if (t1.isNegative() || t1.isZero()) {
            throw new IllegalArgumentException("T1 must be positive: " + t1);
        }
        if (t2.compareTo(t1) < 0) {
            throw new IllegalArgumentException("T2 must not be below T1: " + t2 + " < " + t1);
        }
        if (t4.isNegative() || t4.isZero()) {
            throw new IllegalArgumentException("T4 must be positive: " + t4);
        }
        if (timerDUnreliable.compareTo(MIN_TIMER_D) < 0) {
            throw new IllegalArgumentException("Timer D must be at least 32s: " + timerDUnreliable);
        }
    }

    /** T1 = 500 ms, T2 = 4 s, T4 = 5 s, Timer D = 32 s. */
    public static TransactionTimers rfc3261() {
        return new TransactionTimers(
                Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5), MIN_TIMER_D);
    }

    /** RFC 3261's T2, T4 and Timer D with another T1 (a closed network, or tests that wait for Timer F). */
    public static TransactionTimers withT1(Duration t1) {
        TransactionTimers rfc = rfc3261();
        return new TransactionTimers(t1, rfc.t2().compareTo(t1) < 0 ? t1 : rfc.t2(), rfc.t4(), rfc.timerDUnreliable());
    }

    /** Timers B, F and H, and Timer J over unreliable transports. */
    public Duration sixtyFourT1() {
        // nanosecond arithmetic: Duration.multipliedBy goes through BigDecimal, and this runs for every transaction
        return Duration.ofNanos(t1.toNanos() * 64);
    }

    public Duration timerD(boolean reliable) {
        return reliable ? Duration.ZERO : timerDUnreliable;
    }

    public Duration timerI(boolean reliable) {
        return reliable ? Duration.ZERO : t4;
    }

    public Duration timerJ(boolean reliable) {
        return reliable ? Duration.ZERO : sixtyFourT1();
    }

    public Duration timerK(boolean reliable) {
        return reliable ? Duration.ZERO : t4;
    }

    /** The next Timer E or G interval: doubled, capped at T2. */
    public Duration doubledUpToT2(Duration interval) {
        Duration doubled = interval.plus(interval);
        return doubled.compareTo(t2) > 0 ? t2 : doubled;
    }
}
