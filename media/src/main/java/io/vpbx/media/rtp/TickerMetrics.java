package io.vpbx.media.rtp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One media loop's pacing clock, measured: how late each 20 ms tick fires after its due time, how long the tick's
 * walk over the sessions takes, and ticks that fire a whole slot or more late (frames then leave in a burst). A gap
 * a receiver sees with no lateness here is the network's or the receiver's, not vpbx's sending. Two timer records
 * per tick (50 a second per loop): negligible beside the packets.
 */
public final class TickerMetrics {

    private static final long SLOT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Fixed buckets every registry keeps (the simple one too): 5 ms is the pacing target, 20 ms one slot. */
    private static final Duration[] EDGES = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(20)};

    private final Timer lateness;
    private final Timer work;
    private final Counter slotsLate;

    public TickerMetrics(MeterRegistry registry, String loop) {
        lateness = Timer.builder("vpbx.media.ticker.lateness").tag("loop", loop)
                .description("how late a media loop's 20 ms tick fired after its due time")
                .publishPercentileHistogram().serviceLevelObjectives(EDGES).minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
        work = Timer.builder("vpbx.media.ticker.work").tag("loop", loop)
                .description("how long a tick's walk over the loop's sessions took")
                .publishPercentileHistogram().serviceLevelObjectives(EDGES).minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
        slotsLate = Counter.builder("vpbx.media.ticker.late").tag("loop", loop)
                .description("ticks that fired 20 ms or more after their due time (frames left in a burst)")
                .register(registry);
    }

    /** One tick: due at {@code dueNanos}, started at {@code startNanos}, its walk ended at {@code endNanos}. */
    public void tick(long dueNanos, long startNanos, long endNanos) {
        long late = Math.max(0, startNanos - dueNanos);
        lateness.record(late, TimeUnit.NANOSECONDS);
        work.record(endNanos - startNanos, TimeUnit.NANOSECONDS);
        if (late >= SLOT_NANOS) {
            slotsLate.increment();
        }
    }
}
