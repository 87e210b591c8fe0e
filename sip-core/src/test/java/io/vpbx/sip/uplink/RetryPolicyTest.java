package io.vpbx.sip.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 3);

    @Test
    void doublesFromBaseUpToMaxWithEqualJitter() {
        assertEquals(Duration.ofSeconds(1), policy.delay(1, 0.0));
        assertEquals(Duration.ofMillis(1999), policy.delay(1, 0.9995));
        assertEquals(Duration.ofSeconds(3), policy.delay(2, 0.5));
        assertEquals(Duration.ofSeconds(8), policy.delay(4, 0.0));
        assertEquals(Duration.ofSeconds(30), policy.delay(10, 0.0), "capped at max");
        assertEquals(Duration.ofMillis(59_999), policy.delay(1_000, 0.99999));
    }

    @Test
    void honoursRetryAfterSpreadByUpToATenth() {
        assertEquals(Duration.ofSeconds(5), policy.retryAfter(5, 0.0));
        assertEquals(Duration.ofMillis(5_250), policy.retryAfter(5, 0.5));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
    }
}
