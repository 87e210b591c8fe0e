package io.vpbx.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(2, 3, nanos::get);

    @Test
    void burstThenSustainedRateWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("key-a"), "burst request " + i);
        }
        assertEquals(1, limiter.acquire("key-a"), "the fourth at once waits for the next token");
        assertEquals(0, limiter.acquire("key-b"), "another key has its own bucket");
        nanos.addAndGet(500_000_000L);
        assertEquals(0, limiter.acquire("key-a"), "2 per second: one token after half a second");
        assertEquals(1, limiter.acquire("key-a"));
    }
}
