package io.vpbx.sip.uplink;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next attempt after failures: exponential from {@code base} up to {@code max},
 * each wait drawn between half and all of it ("equal jitter"), so that thousands of registrations that failed
 * together (the operator went away) do not come back together. A Retry-After from the operator is honoured,
 * with up to a tenth more so that they are spread too.
 *
 * @param maxAuthRejections how many refusals of our credentials in a row make the failure terminal
 */
public record RetryPolicy(Duration base, Duration max, int maxAuthRejections) {

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max: " + base + ", " + max);
        }
        if (maxAuthRejections < 1) {
            throw new IllegalArgumentException("maxAuthRejections must be positive: " + maxAuthRejections);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 3);
    }

    /**
     * The wait after the {@code failures}-th failure in a row.
     *
     * @param random a uniform draw in [0, 1)
     */
    public Duration delay(int failures, double random) {
        long ceiling = base.toMillis();
        for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        return Duration.ofMillis(ceiling / 2 + (long) (random * (ceiling - ceiling / 2)));
    }

    /** The wait the operator asked for, spread by up to a tenth more. */
    public Duration retryAfter(int seconds, double random) {
        long millis = seconds * 1000L;
        return Duration.ofMillis(millis + (long) (random * millis / 10));
    }
}
