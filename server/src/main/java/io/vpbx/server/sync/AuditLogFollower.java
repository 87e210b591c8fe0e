package io.vpbx.server.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.audit.AuditedChange;
import io.vpbx.admin.service.audit.ChangeListener;
import io.vpbx.admin.store.AuditStore;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.Transactions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings admin changes made through other nodes sharing the database to this node's routing table and SIP
 * credentials, by following the audit log: every change is audited with its resource in commit order, and
 * each {@link #pollOnce()} hands the resources of the entries after the last one applied to the same listener
 * the Auditor tells of this node's own changes. Those are applied again too: re-reading a resource is
 * idempotent and cheap, and the second read repairs an entry left stale by two re-reads that raced.
 *
 * <p>{@link #startAtHead()} must run before the in-memory state is loaded, so that a change committed while it
 * loads is applied (again) rather than missed. Rounds run on one thread of their own, never on a SIP or
 * Vert.x thread; a failed round is logged, counted and retried from the same entry; a full batch is followed
 * at once by the next round, so a backlog is caught up in bounded steps.
 *
 * <p>{@link #wake()} runs a round at once between the timed ones: on PostgreSQL the {@link AuditNotificationListener}
 * calls it when another node's audit entry commits, and the timed rounds stay as the safety net.
 *
 * <p>Metrics: {@code vpbx.cluster.changes} (audit entries applied), {@code vpbx.cluster.rounds.failed}.
 */
public final class AuditLogFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditLogFollower.class);
    private static final int STOP_WAIT_SECONDS = 5;

    private final Transactions transactions;
    private final AuditStore store;
    private final ChangeListener listener;
    private final int batch;
    private final Counter applied;
    private final Counter failedRounds;
    /** The chain position of the last entry applied; moved only under this object's lock, read by the log line too. */
    private volatile long position;
    /** A woken round is queued and has not begun: further wake-ups are folded into it. */
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private ScheduledExecutorService rounds;
    private Duration interval;

    public AuditLogFollower(Transactions transactions, AuditStore store, ChangeListener listener, int batch, MeterRegistry registry) {
        this.transactions = transactions;
        this.store = store;
        this.listener = listener;
        this.batch = batch;
        this.applied = Counter.builder("vpbx.cluster.changes").description("audit log entries applied to this node's state")
                .register(registry);
        this.failedRounds = Counter.builder("vpbx.cluster.rounds.failed")
                .description("rounds of following the audit log that failed and were retried").register(registry);
    }

    /** Remembers where the log ends now: later rounds apply what comes after. Returns that position. */
    public synchronized long startAtHead() {
        position = transactions.inTransaction(store::head).lastId();
        return position;
    }

    /** Applies, from later rounds on, what comes after {@code lastApplied}: a start from the routing snapshot's position. */
    public synchronized void startAt(long lastApplied) {
        position = lastApplied;
    }

    /** Where the audit log ends now, without moving this follower. */
    public long head() {
        return transactions.inTransaction(store::head).lastId();
    }

    /** Applies up to a batch of entries after the last one applied; returns how many. Tests call it directly. */
    public synchronized int pollOnce() {
        List<AuditedChange> changes = transactions.inTransaction(tx -> store.changesAfter(tx, position, batch));
        for (AuditedChange change : changes) {
            listener.changed(change.resourceType(), change.resourceId());
            position = change.position();
            applied.increment();
        }
        return changes.size();
    }

    /** Starts the rounds, one every {@code every} (a full batch is followed by the next round at once). */
    public synchronized void start(Duration every) {
        interval = every;
        rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vpbx-audit-follower");
            thread.setDaemon(true);
            return thread;
        });
        schedule(interval.toMillis());
        log.info("following the audit log from entry {} every {} ms", position, interval.toMillis());
    }

    /**
     * Runs a round now on the rounds' thread, besides the timed ones; any thread, never blocks. Wake-ups that come
     * while one is queued are folded into it (it reads everything committed by the time it runs). Before
     * {@link #start} or after {@link #close} it does nothing.
     */
    public void wake() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = rounds;
        }
        if (running == null || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(this::wokenRound);
        } catch (RejectedExecutionException e) {
            wakePending.set(false); // stopped
        }
    }

    private void wokenRound() {
        wakePending.set(false);
        try {
            while (pollOnce() == batch) {
                // a full batch: the backlog is read on at once
            }
        } catch (RuntimeException e) {
            failedRounds.increment();
            log.warn("following the audit log failed after entry {}; the next round retries", position, e);
        }
    }

    private void round() {
        int read = 0;
        try {
            read = pollOnce();
        } catch (StorageException e) {
            failedRounds.increment();
            log.warn("following the audit log failed after entry {}; retrying at the next interval: {}", position, e.getMessage());
        } catch (RuntimeException e) {
            failedRounds.increment();
            log.warn("following the audit log failed after entry {}; retrying at the next interval", position, e);
        }
        schedule(read == batch ? 0 : interval.toMillis());
    }

    private void schedule(long delayMillis) {
        try {
            rounds.schedule(this::round, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = rounds;
        }
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
