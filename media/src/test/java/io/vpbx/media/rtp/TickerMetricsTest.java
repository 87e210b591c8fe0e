package io.vpbx.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A tick's lateness and work are recorded per loop; a tick a whole slot late is counted apart. */
class TickerMetricsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TickerMetrics metrics = new TickerMetrics(registry, "1");

    @Test
    void aTickOnTimeIsNotLate() {
        metrics.tick(100 * MS, 100 * MS, 101 * MS);

        assertEquals(1, registry.get("vpbx.media.ticker.lateness").tag("loop", "1").timer().count());
        assertEquals(0, registry.get("vpbx.media.ticker.lateness").timer().max(TimeUnit.MILLISECONDS));
        assertEquals(1, registry.get("vpbx.media.ticker.work").timer().max(TimeUnit.MILLISECONDS));
        assertEquals(0, registry.get("vpbx.media.ticker.late").counter().count());
    }

    @Test
    void aTickFiredASlotLateIsCountedAndItsLatenessKept() {
        metrics.tick(100 * MS, 103 * MS, 104 * MS);
        metrics.tick(120 * MS, 145 * MS, 147 * MS);

        assertEquals(25, registry.get("vpbx.media.ticker.lateness").timer().max(TimeUnit.MILLISECONDS));
        assertEquals(28, registry.get("vpbx.media.ticker.lateness").timer().totalTime(TimeUnit.MILLISECONDS));
        assertEquals(1, registry.get("vpbx.media.ticker.late").counter().count());
    }
}
