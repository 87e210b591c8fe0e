package io.vpbx.admin.service.calls;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.service.BatchingWriter;
import io.vpbx.admin.store.CallRecordStore;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.cdr.CallProgress;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.cdr.CallRecordSink;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes call records from the SIP event loops and writes them in batches on one thread of its own, so
 * that the database is never on the call path. {@link #offer} only queues (it wakes no thread): when the
 * bounded queue is full the record is dropped and counted. The writer thread takes what arrived every
 * {@link #LINGER}, one transaction per batch.
 *
 * <p>While the database cannot be reached no record is dropped: batches are held in memory up to
 * {@code heldRecords}, then appended to the {@link CallRecordJournal} on disk, and every {@code retryInterval}
 * one batch probes the database; once it answers the journal is replayed and the held records written, before
 * anything newer. A record is one row per call (the store ignores one it already has), so a batch whose commit
 * was lost with the connection is not written twice. A batch that fails while the database answers (the batch
 * itself is at fault) is tried a few times and then dropped and counted, as it would never be written.
 *
 * <p>Metrics: {@code vpbx.cdr.written}, {@code vpbx.cdr.dropped} (reason: queue_full, write_failed,
 * closed), {@code vpbx.cdr.write.failures} (failed tries), {@code vpbx.cdr.queue.depth}, {@code vpbx.cdr.held}
 * (in memory, waiting for the database), {@code vpbx.cdr.journaled} (on disk, waiting for it).
 *
 * <p>Events: a {@link BatchListener} is told of each batch inside the transaction that writes it (the call.* events
 * go into the outbox with their records, held and journaled records too); calls' progress (started, answered) goes
 * to a {@link ProgressListener} on a second writer thread, so that a slow event write never delays a record.
 */
public final class CallRecordWriter implements CallRecordSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallRecordWriter.class);

    /** Records held while the database is slow, about ten seconds of a busy platform; beyond it new records are dropped. */
    public static final int QUEUE_CAPACITY = 10_000;
    /** Records per transaction: enough to spread the commit's cost, few enough to keep the transaction short. */
    public static final int BATCH_SIZE = 500;
    /** Tries of one batch, while the database answers, before it is dropped. */
    public static final int MAX_TRIES = 3;
    /** How often a database known to be down is tried again with a held batch. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
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
    private final int batchSize;
    private final int maxTries;
    private final Optional<CallRecordJournal> journal;
    private final int heldRecords;
    private final long retryNanos;
    /** Records that met a database out of reach, oldest first; only the writer's step touches it. */
    private final ArrayDeque<CallRecord> held = new ArrayDeque<>();
    private volatile int heldCount;
    private long nextRetryNanos;
    private final Counter written;
    private final Counter droppedQueueFull;
    private final Counter droppedWriteFailed;
    private final Counter droppedClosed;
    private final Counter writeFailures;
    private final Counter journaled;
    private final BatchListener batchListener;
    private ProgressListener progressListener;
    private BatchingWriter<Progress> progressWriter;
    private Counter progressDropped;

    /** Told of each batch inside the transaction that writes it: the call.* events go into the outbox with their records. */
    @FunctionalInterface
    public interface BatchListener {
        BatchListener NONE = (tx, batch) -> { };

        void written(Tx tx, List<CallRecord> batch) throws SQLException;
    }

    /** A call's progress (started or answered) as the writer queues it. */
    public record Progress(CallProgress call, boolean answered) {
    }

    /** Told of calls' progress, in batches, each in a transaction of its own (the call.started and call.answered events). */
    @FunctionalInterface
    public interface ProgressListener {
        void progressed(Tx tx, List<Progress> batch) throws SQLException;
    }

    /** Records held in memory only, with no journal: for tests of the batching alone. */
    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry) {
        this(transactions, store, registry, QUEUE_CAPACITY, BATCH_SIZE, MAX_TRIES);
    }

    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, int capacity, int batchSize,
                            int maxTries) {
        this(transactions, store, registry, capacity, batchSize, maxTries, Optional.empty(), Integer.MAX_VALUE, RETRY_INTERVAL,
                BatchListener.NONE);
    }

    /** The production writer: held records beyond {@code heldRecords} go to {@code journal}. */
    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, CallRecordJournal journal,
                            int heldRecords) {
        this(transactions, store, registry, QUEUE_CAPACITY, BATCH_SIZE, MAX_TRIES, Optional.of(journal), heldRecords,
                RETRY_INTERVAL, BatchListener.NONE);
    }

    /**
     * The production writer with events: {@code written} is told of each batch in its transaction, and the calls'
     * progress is queued as well (bounded like the records, dropped and counted when full) and handed to
     * {@code progress} on a second writer thread.
     */
    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, CallRecordJournal journal,
                            int heldRecords, BatchListener written, ProgressListener progress) {
        this(transactions, store, registry, QUEUE_CAPACITY, BATCH_SIZE, MAX_TRIES, Optional.of(journal), heldRecords,
                RETRY_INTERVAL, written);
        this.progressListener = progress;
        this.progressWriter = new BatchingWriter<>("vpbx-call-progress", QUEUE_CAPACITY, BATCH_SIZE, LINGER, CLOSE_WAIT,
                this::writeProgress);
        this.progressDropped = Counter.builder("vpbx.cdr.progress.dropped").description("call progress events never written")
                .register(registry);
    }

    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, int capacity, int batchSize,
                            int maxTries, Optional<CallRecordJournal> journal, int heldRecords, Duration retryInterval) {
        this(transactions, store, registry, capacity, batchSize, maxTries, journal, heldRecords, retryInterval,
                BatchListener.NONE);
    }

    public CallRecordWriter(Transactions transactions, CallRecordStore store, MeterRegistry registry, int capacity, int batchSize,
                            int maxTries, Optional<CallRecordJournal> journal, int heldRecords, Duration retryInterval,
                            BatchListener written) {
        this.batchListener = written;
        if (maxTries < 1) {
            throw new IllegalArgumentException("tries must be at least 1");
        }
        this.transactions = transactions;
        this.store = store;
        this.writer = new BatchingWriter<>("vpbx-cdr-writer", capacity, batchSize, LINGER, CLOSE_WAIT, this::write,
                this::retryHeld);
        this.batchSize = batchSize;
        this.maxTries = maxTries;
        this.journal = journal;
        this.heldRecords = heldRecords;
        this.retryNanos = retryInterval.toNanos();
        this.nextRetryNanos = System.nanoTime();
        this.written = Counter.builder("vpbx.cdr.written").description("call records written").register(registry);
        this.droppedQueueFull = dropped(registry, "queue_full");
        this.droppedWriteFailed = dropped(registry, "write_failed");
        this.droppedClosed = dropped(registry, "closed");
        this.writeFailures = Counter.builder("vpbx.cdr.write.failures").description("failed tries to write a batch of call records")
                .register(registry);
        this.journaled = Counter.builder("vpbx.cdr.journal.appended")
                .description("call records put in the journal on disk while the database was down").register(registry);
        Gauge.builder("vpbx.cdr.queue.depth", writer, BatchingWriter::depth).description("call records waiting to be written")
                .register(registry);
        Gauge.builder("vpbx.cdr.held", this, w -> w.heldCount)
                .description("call records held in memory until the database answers").register(registry);
        Gauge.builder("vpbx.cdr.journaled", this, w -> w.journal.map(CallRecordJournal::size).orElse(0L))
                .description("call records in the journal on disk until the database answers").register(registry);
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

    /**
     * Starts the writer thread (and the progress writer's, when there is one); a journal left by an earlier outage
     * is written on its first idle step.
     */
    public void start() {
        writer.start();
        if (progressWriter != null) {
            progressWriter.start();
        }
    }

    /**
     * Writes everything queued now, batch by batch; returns how many records it took. When it returns, every
     * record offered before the call is written, held for the database or dropped.
     */
    public int flush() {
        if (progressWriter != null) {
            progressWriter.flush();
        }
        return writer.flush();
    }

    /**
     * Writes one batch of what is queued now, without waiting for more; returns how many records it took
     * (written, held or dropped). When the writer thread is in a step, waits for that step to end first.
     */
    public int drainOnce() {
        return writer.drainOnce();
    }

    /** Records waiting for the database, in memory and in the journal. */
    public long waiting() {
        return heldCount + journal.map(CallRecordJournal::size).orElse(0L);
    }

    private void write(List<CallRecord> batch) {
        if (!held.isEmpty() || journal.map(CallRecordJournal::size).orElse(0L) > 0) {
            hold(batch); // older records first: this batch waits behind them
            retryHeld();
            return;
        }
        for (int tries = 1; ; tries++) {
            switch (tryWrite(batch)) {
                case WRITTEN -> {
                    return;
                }
                case UNREACHABLE -> {
                    hold(batch);
                    return;
                }
                case REFUSED -> {
                    if (tries >= maxTries) {
                        droppedWriteFailed.increment(batch.size());
                        log.error("{} call records dropped after {} failed tries to write them", batch.size(), tries);
                        return;
                    }
                }
            }
        }
    }

    private enum Outcome { WRITTEN, UNREACHABLE, REFUSED }

    private Outcome tryWrite(List<CallRecord> batch) {
        try {
            transactions.inTransaction(tx -> {
                store.append(tx, batch);
                batchListener.written(tx, batch);
                return null;
            });
            written.increment(batch.size());
            return Outcome.WRITTEN;
        } catch (RuntimeException e) {
            writeFailures.increment();
            if (e instanceof StorageException storage && storage.unreachable()) {
                return Outcome.UNREACHABLE;
            }
            log.warn("writing {} call records failed: {}", batch.size(), e.getMessage());
            return Outcome.REFUSED;
        }
    }

    private void hold(List<CallRecord> batch) {
        if (held.isEmpty() && journal.map(CallRecordJournal::size).orElse(0L) == 0) {
            nextRetryNanos = System.nanoTime() + retryNanos;
            log.warn("the database is unreachable; holding call records until it answers");
        }
        held.addAll(batch);
        if (held.size() > heldRecords && journal.isPresent()) {
            List<CallRecord> spilled = new ArrayList<>(held);
            journal.get().append(spilled);
            journaled.increment(spilled.size());
            held.clear();
        }
        heldCount = held.size();
    }

    /** The idle step: when the retry interval is up, the journal and then the held records go to the database. */
    private void retryHeld() {
        boolean journalWaits = journal.map(CallRecordJournal::size).orElse(0L) > 0;
        if ((held.isEmpty() && !journalWaits) || System.nanoTime() - nextRetryNanos < 0) {
            return;
        }
        nextRetryNanos = System.nanoTime() + retryNanos;
        if (journalWaits && !journal.get().replay(batchSize, this::writeHeldBatch)) {
            return;
        }
        while (!held.isEmpty()) {
            List<CallRecord> batch = new ArrayList<>(Math.min(batchSize, held.size()));
            for (int i = 0; i < batchSize && !held.isEmpty(); i++) {
                batch.add(held.pollFirst());
            }
            if (!writeHeldBatch(batch)) {
                for (int i = batch.size() - 1; i >= 0; i--) {
                    held.addFirst(batch.get(i));
                }
                break;
            }
        }
        heldCount = held.size();
        if (held.isEmpty() && journal.map(CallRecordJournal::size).orElse(0L) == 0) {
            log.info("the database answers again; every held call record is written");
        }
    }

    /** True when the batch is done with: written, or refused by a database that answers (then dropped and counted). */
    private boolean writeHeldBatch(List<CallRecord> batch) {
        for (int tries = 1; ; tries++) {
            Outcome outcome = tryWrite(batch);
            if (outcome == Outcome.WRITTEN) {
                return true;
            }
            if (outcome == Outcome.UNREACHABLE) {
                return false;
            }
            if (tries >= maxTries) {
                droppedWriteFailed.increment(batch.size());
                log.error("{} held call records dropped after {} failed tries to write them", batch.size(), tries);
                return true;
            }
        }
    }

    /**
     * Stops taking records and writes what is queued and held. Close it after the SIP side has stopped: a record
     * offered from here on is dropped and counted. What the database still cannot take goes to the journal.
     */
    @Override
    public void close() {
        if (progressWriter != null) {
            progressWriter.close();
        }
        int flushed = writer.close();
        nextRetryNanos = System.nanoTime();
        retryHeld();
        if (!held.isEmpty() && journal.isPresent()) {
            List<CallRecord> rest = new ArrayList<>(held);
            journal.get().append(rest);
            journaled.increment(rest.size());
            held.clear();
            heldCount = 0;
        }
        if (!held.isEmpty()) {
            log.error("{} call records held for the database are lost at close: no journal is configured", held.size());
        }
        log.info("call record writer closed; {} queued records flushed, {} in the journal", flushed,
                journal.map(CallRecordJournal::size).orElse(0L));
    }
}
