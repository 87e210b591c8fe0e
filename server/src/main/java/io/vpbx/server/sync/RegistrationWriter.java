package io.vpbx.server.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.staff.SipRegistration;
import io.vpbx.admin.service.BatchingWriter;
import io.vpbx.admin.store.SipRegistrationStore;
import io.vpbx.admin.store.StorageException;
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
 * costs only itself. While the database cannot be reached the changes are kept (the last per binding, so at
 * most one per registered contact) and tried again every {@link #RETRY_INTERVAL} until written: a phone that
 * registers during an outage is reachable through other nodes once it is over. They are in memory only: a node
 * killed meanwhile loses them, as it loses the last {@link #LINGER} of changes when the database is up (the
 * phone's next refresh writes them again). Metrics: {@code vpbx.registrar.writes} by outcome (written, dropped,
 * failed), {@code vpbx.registrar.write.queue} and {@code vpbx.registrar.write.pending} (kept for the database).
 */
final class RegistrationWriter implements BindingListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistrationWriter.class);

    /** Rows per transaction: enough to spread a commit, few enough to keep the transaction short. */
    static final int BATCH_SIZE = 500;
    /** How long changes gather before the writer thread takes them (offers wake no thread). */
    static final Duration LINGER = Duration.ofMillis(200);
    /** How often changes kept for a database that was unreachable are tried again. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
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
    /** The last change per binding not yet written, and how many changes they stand for; the writer's step only. */
    private final Map<String, SipRegistration> pending = new LinkedHashMap<>();
    private int pendingChanges;
    private volatile int pendingCount;
    private long nextRetryNanos = System.nanoTime();
    private final long retryNanos;

    RegistrationWriter(Transactions transactions, SipRegistrationStore store, Clock clock, String nodeId, int capacity,
                       MeterRegistry registry) {
        this(transactions, store, clock, nodeId, capacity, registry, RETRY_INTERVAL);
    }

    RegistrationWriter(Transactions transactions, SipRegistrationStore store, Clock clock, String nodeId, int capacity,
                       MeterRegistry registry, Duration retryInterval) {
        this.retryNanos = retryInterval.toNanos();
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
        this.nodeId = nodeId;
        this.writer = new BatchingWriter<>("vpbx-registration-writer", capacity, BATCH_SIZE, LINGER, CLOSE_WAIT, this::write,
                this::retryPending);
        this.written = outcome(registry, "written");
        this.dropped = outcome(registry, "dropped");
        this.failed = outcome(registry, "failed");
        Gauge.builder("vpbx.registrar.write.queue", writer, BatchingWriter::depth)
                .description("binding changes waiting to be written").register(registry);
        Gauge.builder("vpbx.registrar.write.pending", this, w -> w.pendingCount)
                .description("binding changes kept until the database answers").register(registry);
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

    /** Changes kept for the database, one per binding. */
    int pending() {
        return pendingCount;
    }

    private void write(List<SipRegistration> taken) {
        taken.forEach(row -> pending.put(row.employeeId() + '\n' + row.contactUri(), row));
        pendingChanges += taken.size();
        writePending();
    }

    /** The idle step: changes kept while the database was unreachable are tried again, every RETRY_INTERVAL. */
    private void retryPending() {
        if (!pending.isEmpty() && System.nanoTime() - nextRetryNanos >= 0) {
            writePending();
        }
    }

    private void writePending() {
        List<SipRegistration> batch = List.copyOf(pending.values());
        try {
            transactions.inTransaction(tx -> {
                for (SipRegistration row : batch) {
                    store.save(tx, row);
                }
                return null;
            });
            written.increment(pendingChanges);
            pending.clear();
        } catch (StorageException e) {
            if (e.unreachable()) {
                keepForLater(batch.size());
                return;
            }
            log.debug("writing {} registrations in one transaction failed; writing them one by one", batch.size(), e);
            writeOneByOne(batch);
        } catch (RuntimeException batchFailure) {
            log.debug("writing {} registrations in one transaction failed; writing them one by one", batch.size(), batchFailure);
            writeOneByOne(batch);
        }
        pendingChanges = pending.size();
        pendingCount = pending.size();
    }

    private void keepForLater(int rows) {
        if (pendingCount == 0) {
            log.warn("the database is unreachable; keeping {} registration changes until it answers", rows);
        }
        pendingCount = pending.size();
        nextRetryNanos = System.nanoTime() + retryNanos;
    }

    private void writeOneByOne(List<SipRegistration> batch) {
        written.increment(pendingChanges - batch.size()); // the superseded changes, written as their successor
        for (SipRegistration row : batch) {
            try {
                transactions.inTransaction(tx -> {
                    store.save(tx, row);
                    return null;
                });
                written.increment();
            } catch (StorageException e) {
                if (e.unreachable()) {
                    keepForLater(pending.size());
                    return; // this row and the rest wait for the database
                }
                failed.increment();
                log.warn("registration of employee {} at {} not written: {}", row.employeeId(), row.contactUri(), e.getMessage());
            } catch (RuntimeException e) {
                failed.increment();
                log.warn("registration of employee {} at {} not written: {}", row.employeeId(), row.contactUri(), e.getMessage());
            }
            pending.remove(row.employeeId() + '\n' + row.contactUri());
        }
    }

    /** Stops taking changes and writes what is queued. Close it after the SIP side has stopped. */
    @Override
    public void close() {
        log.debug("registration writer closed; {} queued changes written at close", writer.close());
        if (pendingCount > 0) {
            log.warn("{} registration changes not written at close: the database is unreachable (phones write them again "
                    + "at their next refresh)", pendingCount);
        }
    }
}
