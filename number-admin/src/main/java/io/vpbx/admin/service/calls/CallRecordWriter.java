package io.vpbx.admin.service.calls;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.service.BatchingWriter;
import io.vpbx.admin.store.CallRecordStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import io.vpbx.telephony.cdr.CallProgress;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.cdr.CallRecordSink;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes call records from the SIP event loops and writes them in batches on one thread of its own, so
 * that the database is never on the call path. {@link #offer} only queues (it wakes no thread): when the
 * bounded queue is full the record is dropped and counted. The writer thread takes what arrived every
 * {@link #LINGER}, one transaction per batch. A batch that fails is tried again at once (a database that is
 * down already paces the tries with the pool's connection timeout) and given up after a few tries.
 *
 * <p>Metrics: {@code vpbx.cdr.written}, {@code vpbx.cdr.dropped} (reason: queue_full, write_failed,
 * closed), {@code vpbx.cdr.write.failures} (failed tries), {@code vpbx.cdr.queue.depth}.
 */
public final class CallRecordWriter implements CallRecordSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallRecordWriter.class);

    /** Records held while the database is slow, about ten seconds of a busy platform; beyond it new records are dropped. */
    public static final int QUEUE_CAPACITY = 10_000;
    /** Records per transaction: enough to spread the commit's cost, few enough to keep the transaction short. */
    public static final int BATCH_SIZE = 500;
    /** Tries of one batch before it is dropped. */
    public static final int MAX_TRIES = 3;
    /**
     * How long records gather before the writer takes them: at 1,000 calls/s a batch of about 200, where waking
     * per record wrote batches of one (70 us of the writer's CPU per record then, 6 us now: bench/cdr-writer-bench.sh).
     */
    public static final Duration LINGER = Duration.ofMillis(200);
    /** How long close waits for the batch in progress before it flushes the rest itself. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final Transactions transactions;
    private final CallRecordStore store;
    private final BatchingWriter<CallRecord> writer;
    private final int maxTries;
    private final Counter writtenCount;
    private final Counter droppedQueueFull;
    private final Counter droppedWriteFailed;
    private final Counter droppedClosed;
    private final Counter writeFailures;
    private final BatchListener written;
    private ProgressListener progressListener;
    private BatchingWriter<Progress> progressWriter;
    private Counter progressDropped;

    /** Told of each batch inside the transaction that writes it: the call.* events go into the outbox with their records. */
    @FunctionalInterface
    public interface BatchListener {
        BatchListener NONE = (tx, batch) -> { };

        void written(Tx tx, List<CallRecord> batch) throws SQLException;
    }

    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry) {
        this(transactions, store, registry, BatchListener.NONE);
    }

    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, BatchListener written) {
        this(transactions, store, registry, QUEUE_CAPACITY, BATCH_SIZE, MAX_TRIES, written);
    }

    /** A call's progress (started or answered) as the writer queues it. */
    public record Progress(CallProgress call, boolean answered) {
    }

    /** Told of calls' progress, in batches, each in a transaction of its own (the call.started and call.answered events). */
    @FunctionalInterface
    public interface ProgressListener {
        void progressed(Tx tx, List<Progress> batch) throws SQLException;
    }

    /**
     * As above, with the calls' progress queued as well (bounded like the records, dropped and counted when full) and
     * handed to {@code progress} on a second writer thread, so that a slow event write never delays a record.
     */
    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, BatchListener written,
                            ProgressListener progress) {
        this(transactions, store, registry, QUEUE_CAPACITY, BATCH_SIZE, MAX_TRIES, written);
        this.progressListener = progress;
        this.progressWriter = new BatchingWriter<>("vpbx-call-progress", QUEUE_CAPACITY, BATCH_SIZE, LINGER, CLOSE_WAIT,
                this::writeProgress);
        this.progressDropped = Counter.builder("vpbx.cdr.progress.dropped").description("call progress events never written")
                .register(registry);
    }

    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, int capacity, int batchSize,
                            int maxTries) {
        this(transactions, store, registry, capacity, batchSize, maxTries, BatchListener.NONE);
    }

    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, int capacity, int batchSize,
                            int maxTries, BatchListener written) {
        this.written = written;
        if (maxTries < 1) {
            throw new IllegalArgumentException("tries must be at least 1");
        }
        this.transactions = transactions;
        this.store = store;
        this.writer = new BatchingWriter<>("vpbx-cdr-writer", capacity, batchSize, LINGER, CLOSE_WAIT, this::write);
        this.maxTries = maxTries;
        this.writtenCount = Counter.builder("vpbx.cdr.written").description("call records written").register(registry);
        this.droppedQueueFull = dropped(registry, "queue_full");
        this.droppedWriteFailed = dropped(registry, "write_failed");
        this.droppedClosed = dropped(registry, "closed");
        this.writeFailures = Counter.builder("vpbx.cdr.write.failures").description("failed tries to write a batch of call records")
                .register(registry);
        Gauge.builder("vpbx.cdr.queue.depth", writer, BatchingWriter::depth).description("call records waiting to be written")
                .register(registry);
    }

    private static Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder("vpbx.cdr.dropped").description("call records never written").tag("reason", reason).register(registry);
    }

    /** Queues {@code record}; never blocks, never throws. */
    @Override
    public void offer(CallRecord record) {
        if (record == null) {
            return;
        }
        switch (writer.offer(record)) {
            case QUEUE_FULL -> droppedQueueFull.increment();
            case CLOSED -> droppedClosed.increment();
            default -> { }
        }
    }

    @Override
    public void started(CallProgress call) {
        offerProgress(new Progress(call, false));
    }

    @Override
    public void answered(CallProgress call) {
        offerProgress(new Progress(call, true));
    }

    private void offerProgress(Progress progress) {
        if (progressWriter != null && progressWriter.offer(progress) != BatchingWriter.Offer.QUEUED) {
            progressDropped.increment();
        }
    }

    private void writeProgress(List<Progress> batch) {
        try {
            transactions.inTransaction(tx -> {
                progressListener.progressed(tx, batch);
                return null;
            });
        } catch (RuntimeException e) {
            progressDropped.increment(batch.size());
            log.warn("{} call progress events dropped: {}", batch.size(), e.getMessage());
        }
    }

    /** Starts the writer thread (and the progress writer's, when there is one). */
    public void start() {
        writer.start();
        if (progressWriter != null) {
            progressWriter.start();
        }
    }

    /**
     * Writes everything queued now, batch by batch; returns how many records it took. When it returns, every
     * record offered before the call is written or dropped.
     */
    public int flush() {
        if (progressWriter != null) {
            progressWriter.flush();
        }
        return writer.flush();
    }

    /**
     * Writes one batch of what is queued now, without waiting for more; returns how many records it took
     * (written or dropped). When the writer thread is in a step, waits for that step to end first.
     */
    public int drainOnce() {
        return writer.drainOnce();
    }

    private void write(List<CallRecord> batch) {
        for (int tries = 1; ; tries++) {
            try {
                transactions.inTransaction(tx -> {
                    store.append(tx, batch);
                    written.written(tx, batch);
                    return null;
                });
                writtenCount.increment(batch.size());
                return;
            } catch (RuntimeException e) {
                writeFailures.increment();
                if (tries >= maxTries) {
                    droppedWriteFailed.increment(batch.size());
                    log.error("{} call records dropped after {} failed tries to write them", batch.size(), tries, e);
                    return;
                }
                log.warn("writing {} call records failed (try {} of {}): {}", batch.size(), tries, maxTries, e.getMessage());
            }
        }
    }

    /**
     * Stops taking records and writes what is queued. Close it after the SIP side has stopped: a record
     * offered from here on is dropped and counted.
     */
    @Override
    public void close() {
        if (progressWriter != null) {
            progressWriter.close();
        }
        log.info("call record writer closed; {} queued records flushed", writer.close());
    }
}
