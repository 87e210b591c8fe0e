package io.vpbx.admin.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue that hot threads (the SIP event loops) only add to, and one thread of its own that hands what
 * was queued, batch by batch, to {@code writeBatch} (which does the database work, retries and counting).
 *
 * <p>The writer thread wakes on its own every {@code linger} and takes what arrived meanwhile; {@link #offer}
 * never wakes it. A queue that wakes its consumer on each item costs the offering thread a futex call and the
 * writer a wake-up, a transaction and a commit per item at a call rate of a thousand a second; lingering turns
 * that into one batch per interval, the records reaching the database at most {@code linger} later.
 */
public final class BatchingWriter<T> {
    private static final Logger log = LoggerFactory.getLogger(BatchingWriter.class);

    /** What became of an offered item. */
    public enum Offer { QUEUED, QUEUE_FULL, CLOSED }

    private final String threadName;
    private final BlockingQueue<T> queue;
    private final int batchSize;
    private final long lingerNanos;
    private final Duration closeWait;
    private final Consumer<List<T>> writeBatch;
    private final Runnable idleStep;
    /** One step at a time: an item is out of the queue only while its step holds this lock (see {@link #flush}). */
    private final ReentrantLock draining = new ReentrantLock(true);
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param writeBatch writes one batch (never empty, at most {@code batchSize}); what it throws is logged and
     *                   the batch counted as taken, so it should handle its own failures
     */
    public BatchingWriter(String threadName, int capacity, int batchSize, Duration linger, Duration closeWait,
                          Consumer<List<T>> writeBatch) {
        this(threadName, capacity, batchSize, linger, closeWait, writeBatch, () -> { });
    }

    /**
     * @param idleStep run on the writer's thread in a step that finds the queue empty: where a writer retries what
     *                 it holds back for a database that was down, when nothing new arrives to prompt it
     */
    public BatchingWriter(String threadName, int capacity, int batchSize, Duration linger, Duration closeWait,
                          Consumer<List<T>> writeBatch, Runnable idleStep) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batch size must be at least 1");
        }
        this.threadName = threadName;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.lingerNanos = linger.toNanos();
        this.closeWait = closeWait;
        this.writeBatch = writeBatch;
        this.idleStep = idleStep;
    }

    /** Queues {@code item} without blocking and without waking the writer thread. */
    public Offer offer(T item) {
        if (closed) {
            return Offer.CLOSED;
        }
        return queue.offer(item) ? Offer.QUEUED : Offer.QUEUE_FULL;
    }

    /** Items waiting to be written. */
    public int depth() {
        return queue.size();
    }

    /** Starts the writer thread. */
    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            if (queue.size() < batchSize) {
                LockSupport.parkNanos(this, lingerNanos);
            }
            try {
                draining.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                writeOne();
            } finally {
                draining.unlock();
            }
        }
    }

    /**
     * Writes one batch of what is queued now, without waiting for more, after the step in progress if any;
     * returns how many items it took.
     */
    public int drainOnce() {
        draining.lock();
        try {
            return writeOne();
        } finally {
            draining.unlock();
        }
    }

    /** Writes everything queued now, batch by batch; returns how many items it took. */
    public int flush() {
        int taken = 0;
        for (int batch = drainOnce(); batch > 0; batch = drainOnce()) {
            taken += batch;
        }
        return taken;
    }

    private int writeOne() {
        T first = queue.poll();
        if (first == null) {
            try {
                idleStep.run();
            } catch (RuntimeException e) {
                log.error("{}: the idle step failed", threadName, e);
            }
            return 0;
        }
        List<T> batch = new ArrayList<>(Math.min(batchSize, queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        try {
            writeBatch.accept(batch);
        } catch (RuntimeException e) {
            log.error("{}: a batch of {} failed to write", threadName, batch.size(), e);
        }
        return batch.size();
    }

    /**
     * Stops taking items, wakes the thread for its last step (waiting at most {@code closeWait} for it) and
     * writes what is still queued; returns how many items it wrote itself, after the thread's last step.
     */
    public int close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return 0;
            }
            closed = true;
            running = thread;
        }
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(closeWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return flush();
    }
}
