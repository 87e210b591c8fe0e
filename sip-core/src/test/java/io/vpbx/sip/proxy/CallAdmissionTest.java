package io.vpbx.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.sip.routing.AccountCallLimits;
import io.vpbx.sip.routing.DestinationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The toll-fraud counters with a fake clock: calls at once, calls per sliding minute, release once. */
class CallAdmissionTest {
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CallAdmission admission = new CallAdmission(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }, registry);

    private static AccountCallLimits limits(int concurrent, int perMinute) {
        return new AccountCallLimits(concurrent, perMinute, Duration.ofHours(1), DestinationPolicy.open());
    }

    @Test
    void theCallOverTheConcurrentLimitIsBusyUntilOneEnds() {
        AccountCallLimits two = limits(2, 100);
        assertNull(admission.admit("c1", "acme", two));
        assertNull(admission.admit("c2", "acme", two));

        CallAdmission.Refusal third = admission.admit("c3", "acme", two);

        assertNotNull(third);
        assertEquals(486, third.status());
        assertEquals("concurrent_calls", third.limit());
        assertNull(admission.admit("g1", "globex", two), "another account has its own count");
        admission.release("c1");
        admission.release("c1");
        assertNull(admission.admit("c3", "acme", two));
        assertNotNull(admission.admit("c4", "acme", two), "a second release of one call freed nothing");
        assertEquals(2.0, registry.counter("vpbx.sip.limits.refused", "limit", "concurrent_calls").count());
    }

    @Test
    void aSpiralOfTheSameCallIsNotCountedTwice() {
        AccountCallLimits one = limits(1, 100);
        assertNull(admission.admit("c1", "acme", one));
        assertNull(admission.admit("c1", "acme", one));
        assertEquals(1, admission.active("acme"));
    }

    @Test
    void callsPerMinuteSlideWithTheClockAndSayWhenToRetry() {
        AccountCallLimits three = limits(100, 3);
        assertNull(admission.admit("c1", "acme", three));
        now = now.plusSeconds(20);
        assertNull(admission.admit("c2", "acme", three));
        assertNull(admission.admit("c3", "acme", three));
        admission.release("c1");
        admission.release("c2");
        admission.release("c3");

        CallAdmission.Refusal fourth = admission.admit("c4", "acme", three);

        assertEquals(503, fourth.status());
        assertEquals("calls_per_minute", fourth.limit());
        assertEquals(41, fourth.retryAfterSeconds(), "the first call leaves the minute in 40 s");
        now = now.plusSeconds(40);
        assertNull(admission.admit("c4", "acme", three));
    }

    @Test
    void aZeroLimitRefusesEveryCall() {
        assertEquals(486, admission.admit("c1", "acme", limits(0, 10)).status());
    }

    @Test
    void theSweepReleasesCallsWhoseEndWasLost() {
        AccountCallLimits one = limits(1, 100);
        assertNull(admission.admit("c1", "acme", one));
        now = now.plus(Duration.ofMinutes(30));
        assertEquals(0, admission.sweep());
        now = now.plus(Duration.ofMinutes(36));
        assertEquals(1, admission.sweep());
        assertNull(admission.admit("c2", "acme", one));
    }
}
