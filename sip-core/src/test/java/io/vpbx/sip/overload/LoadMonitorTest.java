package io.vpbx.sip.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.SipOverloadConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadMonitorTest {
    private static final long TICK = Duration.ofMillis(10).toNanos();

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger queue = new AtomicInteger();
    private final AtomicInteger queueReads = new AtomicInteger();
    private final OverloadGovernor governor = new OverloadGovernor(SipOverloadConfig.defaults());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoadMonitor monitor = new LoadMonitor(governor, new OverloadMetrics(registry, governor), now::get,
            Duration.ofMillis(10), 10, () -> {
                queueReads.incrementAndGet();
                return queue.get();
            }, () -> 0);

    @Test
    void onePauseOfTheLoopIsNoOverload() {
        for (int i = 0; i < 10; i++) {
            now.addAndGet(i == 4 ? TICK + Duration.ofMillis(300).toNanos() : TICK);
            monitor.run();
        }
        assertEquals(OverloadState.NORMAL, governor.state());
    }

    @Test
    void aLagThatLastsTheWholeSampleIs() {
        for (int i = 0; i < 10; i++) {
            now.addAndGet(TICK + Duration.ofMillis(60).toNanos());
            monitor.run();
        }
        assertEquals(OverloadState.REJECTING, governor.state());
        assertEquals(0.06, registry.get("vpbx.sip.loop.lag.seconds").gauge().value(), 1e-9);
        assertEquals(1.0, registry.get("vpbx.sip.overload.state").gauge().value());
    }

    @Test
    void aReceiveQueueThatNeverDrainsDuringTheSampleIsABacklog() {
        for (int i = 0; i < 10; i++) {
            queue.set(60 + i);
            now.addAndGet(TICK);
            monitor.run();
        }
        assertEquals(OverloadState.DROPPING, governor.state());
    }

    @Test
    void aQueueThatDrainsOnceIsABurstNotABacklog() {
        for (int i = 0; i < 10; i++) {
            queue.set(i == 7 ? 0 : 90);
            now.addAndGet(TICK);
            monitor.run();
        }
        assertEquals(OverloadState.NORMAL, governor.state());
    }

    @Test
    void anEmptyQueueIsReadOncePerSample() {
        for (int i = 0; i < 30; i++) {
            queue.set(i % 10 == 3 ? 50 : 0);
            now.addAndGet(TICK);
            monitor.run();
        }
        assertEquals(3, queueReads.get());
        assertEquals(OverloadState.NORMAL, governor.state());
    }

    @Test
    void aQueueIsReadEveryTickUntilItIsFoundEmpty() {
        for (int i = 0; i < 10; i++) {
            queue.set(i < 4 ? 90 : 0);
            now.addAndGet(TICK);
            monitor.run();
        }
        assertEquals(5, queueReads.get());
        assertEquals(OverloadState.NORMAL, governor.state());
    }
}
