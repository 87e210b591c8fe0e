package io.vpbx.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.staff.SipRegistration;
import io.vpbx.admin.store.SipRegistrationStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.sip.registrar.BindingListener;
import io.vpbx.sip.registrar.ContactBinding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
    /** How long the writer thread waits for a change before it looks whether it was closed. */
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /** How long close waits for the batch in progress before it writes the rest itself. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Transactions transactions;
    private final SipRegistrationStore store;
    private final Clock clock;
    private final String nodeId;
    private final BlockingQueue<SipRegistration> queue;
    /** One step at a time, so that when {@link #drainOnce()} returns everything queued before it is written or failed. */
    private final ReentrantLock draining = new ReentrantLock(true);
    private final Counter written;
    private final Counter dropped;
    private final Counter failed;
    private volatile boolean closed;
    private Thread thread;

    RegistrationWriter(Transactions transactions, SipRegistrationStore store, Clock clock, String nodeId, int capacity,
                       MeterRegistry registry) {
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
        this.nodeId = nodeId;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.written = outcome(registry, "written");
        this.dropped = outcome(registry, "dropped");
        this.failed = outcome(registry, "failed");
        Gauge.builder("vpbx.registrar.write.queue", queue, BlockingQueue::size)
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
        if (closed || !queue.offer(row)) {
            dropped.increment();
        }
    }

    synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = new Thread(this::run, "vpbx-registration-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                draining.lockInterruptibly();
                try {
                    write(queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS));
                } finally {
                    draining.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes one batch of what is queued now without waiting for more, after the step in progress if any;
     * returns how many changes it took. Tests call it to know that a change has reached the database.
     */
    int drainOnce() {
        draining.lock();
        try {
            return write(queue.poll());
        } finally {
            draining.unlock();
        }
    }

    private int write(SipRegistration first) {
        if (first == null) {
            return 0;
        }
        List<SipRegistration> taken = new ArrayList<>(BATCH_SIZE);
        taken.add(first);
        queue.drainTo(taken, BATCH_SIZE - 1);
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
        return taken.size();
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
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
        }
        if (running != null) {
            try {
                running.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int flushed = 0;
        for (int taken = drainOnce(); taken > 0; taken = drainOnce()) {
            flushed += taken;
        }
        log.debug("registration writer closed; {} queued changes written at close", flushed);
    }
}
