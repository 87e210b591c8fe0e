package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.config.SipConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceThrottleTest {

    private static final long MILLISECOND = 1_000_000L;
    private static final InetAddress ALICE = address("198.51.100.7");
    private static final InetAddress BOB = address("198.51.100.8");
    private static final InetAddress CAROL = address("2001:db8::9");

    /** Nanoseconds; starts near the wrap of a long, where System.nanoTime may be too. */
    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 5 * MILLISECOND);

    @Test
    void aNewSourceMaySendItsBurstAtOnceAndNoMore() {
        SourceThrottle throttle = new SourceThrottle(1000, 5, 10, now::get);

        assertEquals(5, admitted(throttle, ALICE, 20));
    }

    @Test
    void creditComesBackAtTheSustainedRate() {
        SourceThrottle throttle = new SourceThrottle(1000, 5, 10, now::get);
        admitted(throttle, ALICE, 5);

        now.addAndGet(MILLISECOND - 1);
        assertFalse(throttle.admit(ALICE), "one request's worth needs a full millisecond at 1000/s");
        now.addAndGet(1);
        assertTrue(throttle.admit(ALICE));
        assertFalse(throttle.admit(ALICE));

        now.addAndGet(3 * MILLISECOND);
        assertEquals(3, admitted(throttle, ALICE, 10));
    }

    @Test
    void creditNeverExceedsTheBurstHoweverLongASourceWasQuiet() {
        SourceThrottle throttle = new SourceThrottle(1000, 5, 10, now::get);
        admitted(throttle, ALICE, 5);

        now.addAndGet(3_600_000 * MILLISECOND);

        assertEquals(5, admitted(throttle, ALICE, 20));
    }

    @Test
    void aFloodingSourceStillGetsItsSustainedRateThrough() {
        SourceThrottle throttle = new SourceThrottle(1000, 5, 10, now::get);
        admitted(throttle, ALICE, 5);

        int admitted = 0;
        for (int millisecond = 0; millisecond < 100; millisecond++) {
            now.addAndGet(MILLISECOND);
            admitted += admitted(throttle, ALICE, 50);
        }

        assertEquals(100, admitted, "refused requests must not use up credit");
    }

    @Test
    void oneSourceBeingThrottledLeavesTheOthersTheirFullBurst() {
        SourceThrottle throttle = new SourceThrottle(1000, 5, 10, now::get);

        assertEquals(5, admitted(throttle, ALICE, 1000));
        assertEquals(5, admitted(throttle, BOB, 20));
        assertEquals(5, admitted(throttle, CAROL, 20));
        assertFalse(throttle.admit(ALICE));
    }

    @Test
    void trackedSourcesAreBoundedAndTheStalestIsForgotten() {
        SourceThrottle throttle = new SourceThrottle(1000, 2, 2, now::get);
        admitted(throttle, ALICE, 2);
        admitted(throttle, BOB, 2);
        assertFalse(throttle.admit(ALICE), "ALICE is now the most recently heard from");

        throttle.admit(CAROL);

        assertEquals(2, throttle.trackedSources());
        assertFalse(throttle.admit(ALICE), "ALICE was kept, still without credit");
        assertEquals(2, admitted(throttle, BOB, 5), "BOB, the stalest, was forgotten and starts afresh");
        assertEquals(2, throttle.trackedSources());
    }

    @Test
    void manySourcesNeverGrowTheTableBeyondItsBound() {
        SourceThrottle throttle = new SourceThrottle(1000, 2, 100, now::get);
        for (int i = 0; i < 10_000; i++) {
            throttle.admit(address("10.0." + (i >> 8) + "." + (i & 0xff)));
        }
        assertEquals(100, throttle.trackedSources());
    }

    @Test
    void builtFromConfig() {
        SipConfig config = new SipConfig("127.0.0.1", 5060, true, true, "r", 1500, 100, 10, 3, 50, 100, "");
        SourceThrottle throttle = SourceThrottle.of(config, now::get);

        assertEquals(3, admitted(throttle, ALICE, 10));
        now.addAndGet(100 * MILLISECOND);
        assertEquals(1, admitted(throttle, ALICE, 10));
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceThrottle(0, 1, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new SourceThrottle(1, 0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new SourceThrottle(1, 1, 0, now::get));
    }

    private static int admitted(SourceThrottle throttle, InetAddress source, int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            admitted += throttle.admit(source) ? 1 : 0;
        }
        return admitted;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError("an IP literal is never looked up", e);
        }
    }
}
