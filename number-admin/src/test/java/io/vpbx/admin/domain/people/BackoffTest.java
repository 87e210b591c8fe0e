package io.vpbx.admin.domain.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15));

    @Test
    void fiveFreeFailuresThenOneSecondDoublingUpToFifteenMinutes() {
        for (int failures = 0; failures < 5; failures++) {
            assertEquals(Duration.ZERO, backoff.after(failures));
        }
        assertEquals(Duration.ofSeconds(1), backoff.after(5));
        assertEquals(Duration.ofSeconds(2), backoff.after(6));
        assertEquals(Duration.ofSeconds(4), backoff.after(7));
        assertEquals(Duration.ofSeconds(512), backoff.after(14));
        assertEquals(Duration.ofMinutes(15), backoff.after(15));
        assertEquals(Duration.ofMinutes(15), backoff.after(Integer.MAX_VALUE), "no overflow");
    }
}
