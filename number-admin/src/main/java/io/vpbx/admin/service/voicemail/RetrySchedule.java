package io.vpbx.admin.service.voicemail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff from {@code base}, doubling with each attempt up to
 * {@code max}, each delay drawn at random from its upper half (so that deliveries that failed together, a mail
 * server that was down, do not come back together), never below {@code base}. A delivery queued {@code giveUpAfter}
 * ago or longer is given up.
 */
public final class RetrySchedule {
    private final Duration base;
    private final Duration max;
    private final Duration giveUpAfter;
    private final DoubleSupplier random;

    /** {@code random} gives numbers in [0, 1). */
    public RetrySchedule(Duration base, Duration max, Duration giveUpAfter, DoubleSupplier random) {
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("mail.retry-max must not be below mail.retry-base");
        }
        this.base = base;
        this.max = max;
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    /** The next attempt after {@code attempts} failed ones, or empty to give up. */
    public Optional<Instant> next(int attempts, Instant queuedAt, Instant now) {
        if (!now.isBefore(queuedAt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delay(attempts)));
    }

    /** The delay after {@code attempts} failed attempts (1 for the first failure). */
    Duration delay(int attempts) {
        long baseMillis = base.toMillis();
        long ceiling = baseMillis;
        for (int i = 1; i < attempts && ceiling < max.toMillis(); i++) {
            ceiling = Math.multiplyExact(ceiling, 2);
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long drawn = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
        return Duration.ofMillis(Math.max(baseMillis, drawn));
    }
}
