package io.vpbx.server.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.service.audit.ChangeListener;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's {@link RoutingSnapshot} in step with the database and runs the catch-up after a start from it.
 * Every committed change (this node's or, through the audit log, another's) marks the snapshot stale; one thread
 * rewrites a stale snapshot every {@code interval}, so a burst of changes costs one copy. After a start from the
 * snapshot the node is degraded (calls are served, the admin API is not, /health/ready says false) until the
 * catch-up has loaded everything from the database again; the catch-up is tried every {@code retry}.
 *
 * <p>Metric: {@code vpbx.degraded}, 1 while the node serves from its snapshot.
 */
public final class SnapshotKeeper implements ChangeListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SnapshotKeeper.class);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final RoutingSnapshot snapshot;
    private final DataSource source;
    private final LongSupplier auditHead;
    private final Duration interval;
    private final ScheduledExecutorService thread;
    private volatile boolean stale = true;
    private volatile boolean degraded;
    private ScheduledFuture<?> catchUp;

    /** @param auditHead where the audit log ends now: read before each copy, the position the snapshot is as new as */
    public SnapshotKeeper(RoutingSnapshot snapshot, DataSource source, LongSupplier auditHead, Duration interval,
                          MeterRegistry registry) {
        this.snapshot = snapshot;
        this.source = source;
        this.auditHead = auditHead;
        this.interval = interval;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "vpbx-routing-snapshot");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("vpbx.degraded", this, keeper -> keeper.degraded ? 1 : 0)
                .description("1 while the node serves calls from its routing snapshot, the database unreachable since start")
                .register(registry);
    }

    @Override
    public void changed(String resourceType, String resourceId) {
        stale = true;
    }

    /** Whether the node started from its snapshot and has not caught up with the database yet. */
    public boolean degraded() {
        return degraded;
    }

    /** Rewrites the snapshot every interval while it is stale (at once the first time); a zero interval writes none. */
    public void startWriting() {
        if (interval.isZero()) {
            return;
        }
        thread.scheduleWithFixedDelay(this::writeIfStale, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes the snapshot now if it is stale; tests call it instead of waiting for the interval. */
    public synchronized void writeIfStale() {
        if (!stale) {
            return;
        }
        stale = false;
        try {
            snapshot.write(source, auditHead.getAsLong());
        } catch (RuntimeException e) {
            stale = true; // the database went away meanwhile: the old snapshot stays, the next round tries again
            log.warn("routing snapshot not written; the previous one stays: {}", e.getMessage());
        }
    }

    /**
     * The node started from its snapshot: tries {@code work} (migrate, load everything from the database, follow the
     * audit log from the snapshot's position) every {@code retry} until it succeeds, then writes snapshots again.
     */
    public synchronized void catchUp(Runnable work, Duration retry) {
        degraded = true;
        catchUp = thread.scheduleWithFixedDelay(() -> {
            if (!degraded) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                log.debug("catch-up with the database failed; retrying in {}: {}", retry, e.getMessage());
                return;
            }
            degraded = false;
            log.info("caught up with the database: the node left degraded mode");
            synchronized (this) {
                catchUp.cancel(false);
            }
            startWriting();
        }, retry.toMillis(), retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdown(); // a copy under way finishes: interrupted, it would leave only the new file behind
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
