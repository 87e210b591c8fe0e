package io.vpbx.admin.service.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Duration BASE = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofMinutes(30);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static RetrySchedule with(double random) {
        return new RetrySchedule(BASE, MAX, Duration.ofDays(3), () -> random);
    }

    @Test
    void theCeilingDoublesFromBaseUpToMax() {
        RetrySchedule highest = with(0.999_999);
        assertJustBelow(Duration.ofSeconds(30), highest.delay(1));
        assertJustBelow(Duration.ofSeconds(60), highest.delay(2));
        assertJustBelow(Duration.ofSeconds(120), highest.delay(3));
        assertJustBelow(Duration.ofSeconds(960), highest.delay(6));
        assertJustBelow(MAX, highest.delay(7));
        assertJustBelow(MAX, highest.delay(1_000));
    }

    /** The draw is from [ceiling / 2, ceiling): the highest draw is within a millisecond of the ceiling. */
    private static void assertJustBelow(Duration ceiling, Duration delay) {
        assertTrue(delay.compareTo(ceiling) <= 0 && delay.compareTo(ceiling.minusMillis(2)) > 0, delay + " vs " + ceiling);
    }

    @Test
    void jitterDrawsFromTheUpperHalfButNeverBelowBase() {
        RetrySchedule lowest = with(0.0);
        assertEquals(BASE, lowest.delay(1));
        assertEquals(BASE, lowest.delay(2));
        assertEquals(Duration.ofSeconds(60), lowest.delay(3));
        assertEquals(MAX.dividedBy(2), lowest.delay(50));
        for (int attempts = 1; attempts < 20; attempts++) {
            Duration d = with(0.37).delay(attempts);
            assertTrue(d.compareTo(BASE) >= 0 && d.compareTo(MAX) <= 0, d.toString());
        }
    }

    @Test
    void aDeliveryQueuedGiveUpAfterAgoIsGivenUp() {
        RetrySchedule schedule = with(0.0);
        assertEquals(Optional.of(T0.plus(Duration.ofDays(3)).minusSeconds(1).plus(BASE.multipliedBy(1))),
                schedule.next(1, T0, T0.plus(Duration.ofDays(3)).minusSeconds(1)));
        assertEquals(Optional.empty(), schedule.next(9, T0, T0.plus(Duration.ofDays(3))));
    }

    @Test
    void aMaxBelowBaseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(MAX, BASE, Duration.ofDays(1), () -> 0));
    }
}
