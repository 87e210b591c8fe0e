package io.vpbx.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAuthLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong nanos = new AtomicLong(5 * SECOND);
    private final FailedAuthLimiter limiter = new FailedAuthLimiter(3, 60 * SECOND, nanos::get);

    @Test
    void aSourceIsRefusedAfterTheLimitUntilItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.retryAfter("192.0.2.1"), "failure " + i + " is still allowed to try");
            limiter.failed("192.0.2.1");
        }
        nanos.addAndGet(10 * SECOND);
        assertEquals(50, limiter.retryAfter("192.0.2.1"), "refused for the rest of the window, counted from the first failure");
        assertEquals(0, limiter.retryAfter("192.0.2.2"), "another source is not affected");
        nanos.addAndGet(50 * SECOND);
        assertEquals(0, limiter.retryAfter("192.0.2.1"), "a new window");
        limiter.failed("192.0.2.1");
        assertEquals(0, limiter.retryAfter("192.0.2.1"), "failures of the old window do not count");
    }

    @Test
    void fewerFailuresThanTheLimitNeverRefuse() {
        limiter.failed("198.51.100.7");
        limiter.failed("198.51.100.7");
        assertEquals(0, limiter.retryAfter("198.51.100.7"));
    }
}
