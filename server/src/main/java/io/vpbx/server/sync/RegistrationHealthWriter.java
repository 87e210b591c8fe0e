package io.vpbx.server.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.thirdparty.RegistrationReport;
import io.vpbx.admin.service.BatchingWriter;
import io.vpbx.admin.service.thirdparty.RegistrationReports;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries third-party registration transitions from the SIP event loop (which must not wait for a database) to
 * the status and history tables, in batches on a thread of its own. A full queue drops the transition and
 * counts it: the next transition of that number writes its status again.
 */
public final class RegistrationHealthWriter implements Consumer<io.vpbx.sip.uplink.RegistrationTransition>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistrationHealthWriter.class);
    private static final int CAPACITY = 50_000;
    private static final int BATCH = 500;
    private static final Duration LINGER = Duration.ofMillis(200);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final String node;
    private final BatchingWriter<RegistrationReport> writer;
    private final Counter written;
    private final Counter dropped;
    private final Counter failed;

    public RegistrationHealthWriter(RegistrationReports reports, String node, MeterRegistry registry) {
        this.node = node;
        this.written = counter(registry, "written");
        this.dropped = counter(registry, "dropped");
        this.failed = counter(registry, "failed");
        this.writer = new BatchingWriter<>("vpbx-uplink-health", CAPACITY, BATCH, LINGER, CLOSE_WAIT, batch -> write(reports, batch));
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("vpbx.sip.uplink.health.writes").tag("outcome", outcome)
                .description("third-party registration transitions by what became of their database write").register(registry);
    }

    public void start() {
        writer.start();
    }

    /** On the SIP event loop: queue and return. */
    @Override
    public void accept(io.vpbx.sip.uplink.RegistrationTransition transition) {
        RegistrationReport row = new RegistrationReport(transition.e164(), transition.state(),
                transition.at(), transition.registeredUntil(), transition.lastCode() == 0 ? null : transition.lastCode(),
                transition.lastReason(), transition.nextAttemptAt(), node);
        if (writer.offer(row) != BatchingWriter.Offer.QUEUED) {
            dropped.increment();
        }
    }

    /** Writes what is queued now (tests, and shutdown). */
    public int flush() {
        return writer.flush();
    }

    private void write(RegistrationReports reports, List<RegistrationReport> batch) {
        try {
            reports.recordRegistrations(batch);
            written.increment(batch.size());
        } catch (RuntimeException e) {
            failed.increment(batch.size());
            log.warn("could not write {} third-party registration transitions; their next transitions will", batch.size(), e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
