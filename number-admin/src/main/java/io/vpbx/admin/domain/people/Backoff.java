package io.vpbx.admin.domain.people;

import java.time.Duration;

/**
 * The growing wait after failed sign-ins (ADR 0030): the first {@code freeFailures} cost nothing, then each further
 * failure makes the next try wait {@code base}, doubled per failure, at most {@code max}. With 5, 1 s and 15 min a
 * guesser gets 5 free tries, then waits 1, 2, 4 ... seconds, and from the 15th failure 15 minutes per try.
 */
public record Backoff(int freeFailures, Duration base, Duration max) {

    /** How long the subject waits after its {@code failures}-th failure; zero while within the free tries. */
    public Duration after(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 40);
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
