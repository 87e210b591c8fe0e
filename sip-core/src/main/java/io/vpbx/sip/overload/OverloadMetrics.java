package io.vpbx.sip.overload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Overload control's meters: {@code vpbx.sip.overload.state} (0 normal, 1 rejecting, 2 dropping; Prometheus
 * {@code vpbx_sip_overload_state}), {@code vpbx.sip.overload.admitted.share}, {@code vpbx.sip.overload.rejected}
 * (new calls answered 503), {@code vpbx.sip.overload.dropped} (new calls dropped unread) and
 * {@code vpbx.sip.loop.lag.seconds} (the last measured lateness of the event loop).
 */
public final class OverloadMetrics {
    private final Counter rejected;
    private final Counter dropped;
    private final AtomicLong lagNanos = new AtomicLong();

    public OverloadMetrics(MeterRegistry registry, OverloadGovernor governor) {
        Gauge.builder("vpbx.sip.overload.state", governor, each -> each.state().ordinal())
                .description("overload control: 0 normal, 1 rejecting new calls with 503, 2 dropping new calls")
                .register(registry);
        Gauge.builder("vpbx.sip.overload.admitted.share", governor, OverloadGovernor::admittedShare)
                .description("share of new calls admitted by overload control").register(registry);
        Gauge.builder("vpbx.sip.loop.lag.seconds", lagNanos, nanos -> nanos.get() / 1e9)
                .description("how late the SIP event loop last ran its sampling timer").register(registry);
        rejected = Counter.builder("vpbx.sip.overload.rejected")
                .description("new calls answered 503 with Retry-After by overload control").register(registry);
        dropped = Counter.builder("vpbx.sip.overload.dropped")
                .description("new calls dropped unread by overload control").register(registry);
    }

    public void rejected() {
        rejected.increment();
    }

    public void dropped() {
        dropped.increment();
    }

    void lag(long nanos) {
        lagNanos.set(nanos);
    }
}
