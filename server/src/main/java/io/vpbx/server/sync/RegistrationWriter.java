package io.vpbx.server.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.staff.SipRegistration;
import io.vpbx.admin.service.BatchingWriter;
import io.vpbx.admin.store.SipRegistrationStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.sip.registrar.BindingListener;
import io.vpbx.sip.registrar.ContactBinding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the registrar's binding changes to the database on one thread of its own, so that a REGISTER
 * never waits for it: the SIP thread only queues a row, and when the bounded queue is full the change is
 * dropped and counted (the phone's next refresh writes it again). A saved binding becomes its row; a
 * removed one becomes a row whose expiry is the removal time, which other nodes read as a removal.
 * Expiries are not written: every node expires a binding by itself from the stored expiry.
 *
 * <p>Each batch keeps only the last change per employee and contact and is written in one transaction;
 * when that fails, its rows are written one by one so that one bad row (its employee deleted meanwhile)
 * costs only itself. Metrics: {@code vpbx.registrar.writes} by outcome (written, dropped, failed) and
 * {@code vpbx.registrar.write.queue}.
 */
final class RegistrationWriter implements BindingListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistrationWriter.class);

    /** Rows per transaction: enough to spread a commit, few enough to keep the transaction short. */
    static final int BATCH_SIZE = 500;
    /** How long changes gather before the writer thread takes them (offers wake no thread). */
    private static final Duration LINGER = Duration.ofMillis(200);
    /** How long close waits for the batch in progress before it writes the rest itself. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Transactions transactions;
    private final SipRegistrationStore store;
    private final Clock clock;
    private final String nodeId;
    private final BatchingWriter<SipRegistration> writer;
    private final Counter written;
    private final Counter dropped;
    private final Counter failed;

    RegistrationWriter(Transactions transactions, SipRegistrationStore store, Clock clock, String nodeId, int capacity,
                       MeterRegistry registry) {
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
        this.nodeId = nodeId;
        this.writer = new BatchingWriter<>("vpbx-registration-writer", capacity, BATCH_SIZE, LINGER, CLOSE_WAIT, this::write);
        this.written = outcome(registry, "written");
        this.dropped = outcome(registry, "dropped");
        this.failed = outcome(registry, "failed");
        Gauge.builder("vpbx.registrar.write.queue", writer, BatchingWriter::depth)
                .description("binding changes waiting to be written").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("vpbx.registrar.writes").description("binding changes by what became of them")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void saved(String aor, ContactBinding binding) {
        offer(row(aor, binding, binding.expiresAt(), clock.instant()));
    }

    @Override
    public void removed(String aor, ContactBinding binding, Instant at) {
        offer(row(aor, binding, at, at));
    }

    @Override
    public void expired(String aor, ContactBinding binding) {
        // Every node drops the binding at its stored expiry; there is nothing to write.
    }

    private SipRegistration row(String employeeId, ContactBinding binding, Instant expiresAt, Instant updatedAt) {
        return new SipRegistration(employeeId, binding.uri(), binding.received(), binding.instance(), binding.q(),
                binding.callId(), binding.cseq(), expiresAt, nodeId, updatedAt);
    }

    /** Never blocks: a change that finds the queue full, or the writer closed, is dropped and counted. */
    private void offer(SipRegistration row) {
        if (writer.offer(row) != BatchingWriter.Offer.QUEUED) {
            dropped.increment();
        }
    }

    void start() {
        writer.start();
    }

    /**
     * Writes one batch of what is queued now without waiting for more, after the step in progress if any;
     * returns how many changes it took. Tests call it to know that a change has reached the database.
     */
    int drainOnce() {
        return writer.drainOnce();
    }

    private void write(List<SipRegistration> taken) {
        Map<String, SipRegistration> latest = new LinkedHashMap<>();
        taken.forEach(row -> latest.put(row.employeeId() + '\n' + row.contactUri(), row));
        List<SipRegistration> batch = List.copyOf(latest.values());
        try {
            transactions.inTransaction(tx -> {
                for (SipRegistration row : batch) {
                    store.save(tx, row);
                }
                return null;
            });
            written.increment(taken.size());
        } catch (RuntimeException batchFailure) {
            log.debug("writing {} registrations in one transaction failed; writing them one by one", batch.size(), batchFailure);
            writeOneByOne(batch, taken.size() - batch.size());
        }
    }

    private void writeOneByOne(List<SipRegistration> batch, int superseded) {
        written.increment(superseded);
        for (SipRegistration row : batch) {
            try {
                transactions.inTransaction(tx -> {
                    store.save(tx, row);
                    return null;
                });
                written.increment();
            } catch (RuntimeException e) {
                failed.increment();
                log.warn("registration of employee {} at {} not written: {}", row.employeeId(), row.contactUri(), e.getMessage());
            }
        }
    }

    /** Stops taking changes and writes what is queued. Close it after the SIP side has stopped. */
    @Override
    public void close() {
        log.debug("registration writer closed; {} queued changes written at close", writer.close());
    }
}
