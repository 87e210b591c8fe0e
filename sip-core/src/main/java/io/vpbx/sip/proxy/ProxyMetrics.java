package io.vpbx.sip.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vpbx.sip.DropReason;
import io.vpbx.telephony.cdr.CallRecord;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The proxy's meters: calls by result, active calls, live transactions, call setup latency, and input the
 * stateless responder dropped (the same {@code vpbx.sip.dropped} series the transports count into).
 */
final class ProxyMetrics {
    static final String REFUSED = "vpbx.sip.refused";
    private final Map<CallRecord.Result, Counter> calls = new EnumMap<>(CallRecord.Result.class);
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
    private final Timer setup;
    private final Counter staleResponses;
    private final MeterRegistry registry;

    ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (CallRecord.Result result : CallRecord.Result.values()) {
            calls.put(result, Counter.builder("vpbx.sip.calls").description("call attempts by final result")
                    .tag("result", result.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        setup = Timer.builder("vpbx.sip.call.setup").description("from INVITE received to answer or final response")
                .publishPercentileHistogram().register(registry);
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder(DropReason.METER).description("SIP input dropped without an answer")
                    .tag("reason", reason.tag()).register(registry));
        }
        staleResponses = Counter.builder("vpbx.sip.responses.stray").description("responses matching no transaction nor our Via")
                .register(registry);
    }

    /** The two gauges, read when scraped: calls being set up or in progress, and live transactions. */
    void gauges(Supplier<Number> activeCalls, Supplier<Number> transactions) {
        Gauge.builder("vpbx.sip.calls.active", activeCalls).description("calls being set up or in progress")
                .register(registry);
        Gauge.builder("vpbx.sip.transactions", transactions).description("live SIP transactions").register(registry);
    }

    void ended(CallRecord record) {
        calls.get(record.result()).increment();
    }

    void setupTook(long nanos) {
        setup.record(nanos, TimeUnit.NANOSECONDS);
    }

    void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    /**
     * A request refused by one of the script's checks before routing ({@code vpbx.sip.refused}, tagged with the
     * status sent and the check that failed): malformed, unsupported, or a relay we will not make.
     */
    void refused(int status, String check) {
        Counter.builder(REFUSED).description("SIP requests refused by the proxy's checks before routing")
                .tag("code", Integer.toString(status)).tag("check", check).register(registry).increment();
    }

    void strayResponse() {
        staleResponses.increment();
    }
}
