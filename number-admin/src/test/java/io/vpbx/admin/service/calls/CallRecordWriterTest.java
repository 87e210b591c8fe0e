package io.vpbx.admin.service.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestCallRecords;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.cdr.CallRecordQuery;
import io.vpbx.admin.domain.cdr.StoredCallRecord;
import io.vpbx.admin.store.CallRecordStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.jdbc.JdbcCallRecordStore;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.admin.store.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batching writer over a real (H2) database: batches, the bounded queue, retries, the flush on close. */
class CallRecordWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** The real store, refusing the first {@code failures} appends as a database in trouble would. */
    private static final class TroubledStore implements CallRecordStore {
        private final CallRecordStore store;
        private int failures;
        /** The SQL state of the failures: null for a statement's own failure, 08006 for a connection lost. */
        private String sqlState;

        TroubledStore(CallRecordStore store) {
            this.store = store;
        }

        @Override
        public void append(Tx tx, List<CallRecord> records) throws SQLException {
            if (failures > 0) {
                failures--;
                throw new SQLException("connection reset", sqlState);
            }
            store.append(tx, records);
        }

        @Override
        public List<StoredCallRecord> query(Tx tx, CallRecordQuery query) throws SQLException {
            return store.query(tx, query);
        }
    }

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private TestDatabases.TestDatabase db;
    private TroubledStore store;
    private CallRecordWriter writer;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        // a breaker that lets the next try through at once: these tests run the retries themselves
        db = TestDatabases.h2(new JdbcSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofMillis(1)));
        store = new TroubledStore(new JdbcCallRecordStore(JsonMappers.create()));
    }

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
        db.close();
    }

    private CallRecordWriter writer(int capacity, int batchSize, int maxTries) {
        writer = new CallRecordWriter(db.database(), store, registry, capacity, batchSize, maxTries);
        return writer;
    }

    private CallRecordWriter journaling(int batchSize, int heldRecords) {
        writer = new CallRecordWriter(db.database(), store, registry, 100, batchSize, 3,
                Optional.of(new CallRecordJournal(dir.resolve("cdr.journal"), JsonMappers.create())), heldRecords, Duration.ZERO);
        return writer;
    }

    private void databaseDown() {
        store.sqlState = "08006";
        store.failures = Integer.MAX_VALUE;
    }

    private void databaseBack() throws InterruptedException {
        store.failures = 0;
        Thread.sleep(5); // past the breaker's retry-after
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static CallRecord record(int n) {
        return TestCallRecords.answered("call-" + n, "acc-1", "+74951230001", "+79161234567", T0.plusSeconds(n));
    }

    private void offer(int from, int to) {
        for (int n = from; n < to; n++) {
            writer.offer(record(n));
        }
    }

    private int stored() throws InterruptedException {
        Thread.sleep(5); // past the breaker's retry-after, should a test's last try have opened it
        return db.database().inTransaction(tx -> store.query(tx,
                new CallRecordQuery(null, null, null, null, null, null, null, null, 10_000))).size();
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double depth() {
        return registry.get("vpbx.cdr.queue.depth").gauge().value();
    }

    @Test
    void eachDrainStepWritesAtMostOneBatchInItsOwnTransaction() throws Exception {
        writer(100, 3, 3);
        offer(0, 7);
        assertEquals(7, depth());

        assertEquals(3, writer.drainOnce());
        assertEquals(3, stored());
        assertEquals(4, depth());
        assertEquals(3, writer.drainOnce());
        assertEquals(1, writer.drainOnce());
        assertEquals(0, writer.drainOnce());
        assertEquals(7, stored());
        assertEquals(7, count("vpbx.cdr.written"));
    }

    @Test
    void aFullQueueDropsTheNewRecordAndCountsIt() throws Exception {
        writer(2, 10, 3);
        offer(0, 5);
        assertEquals(3, count("vpbx.cdr.dropped", "reason", "queue_full"));

        assertEquals(2, writer.drainOnce());
        assertEquals(List.of("call-1", "call-0"), db.database().inTransaction(tx -> store.query(tx,
                        new CallRecordQuery(null, null, null, null, null, null, null, null, 10)))
                .stream().map(stored -> stored.record().callId()).toList());
        writer.offer(record(5));
        assertEquals(1, depth());
    }

    @Test
    void aBatchThatFailsIsTriedAgainAndWritten() throws Exception {
        writer(100, 10, 3);
        store.failures = 2;
        offer(0, 4);

        assertEquals(4, writer.drainOnce());
        assertEquals(4, stored());
        assertEquals(2, count("vpbx.cdr.write.failures"));
        assertEquals(0, count("vpbx.cdr.dropped", "reason", "write_failed"));
    }

    @Test
    void aBatchThatFailsEveryTryIsDroppedAndCountedAndTheNextOneIsWritten() throws Exception {
        writer(100, 3, 3);
        store.failures = 3;
        offer(0, 5);

        assertEquals(3, writer.drainOnce());
        assertEquals(0, stored());
        assertEquals(3, count("vpbx.cdr.dropped", "reason", "write_failed"));
        assertEquals(3, count("vpbx.cdr.write.failures"));

        assertEquals(2, writer.drainOnce());
        assertEquals(2, stored());
        assertEquals(2, count("vpbx.cdr.written"));
    }

    @Test
    void closeWritesEverythingQueuedAndLaterRecordsAreDroppedAsClosed() throws Exception {
        writer(100, 3, 3);
        offer(0, 10);
        writer.start();
        writer.close();

        assertEquals(10, stored());
        writer.offer(record(10));
        assertEquals(1, count("vpbx.cdr.dropped", "reason", "closed"));
        assertEquals(0, depth());
    }

    @Test
    void withTheThreadRunningAFlushReturnsOnlyOnceEarlierRecordsAreWritten() throws Exception {
        writer(1000, 50, 3);
        writer.start();
        List<Integer> afterEachRound = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            offer(round * 100, round * 100 + 100);
            writer.flush();
            afterEachRound.add(stored());
        }
        assertEquals(List.of(100, 200, 300, 400, 500), afterEachRound);
    }

    @Test
    void whileTheDatabaseIsUnreachableRecordsAreHeldThenJournaledAndAllWrittenOnceWhenItIsBack() throws Exception {
        journaling(3, 4);
        databaseDown();
        offer(0, 10);
        writer.flush();

        assertEquals(0, stored());
        assertEquals(0, count("vpbx.cdr.dropped", "reason", "write_failed"));
        assertEquals(10, gauge("vpbx.cdr.held") + gauge("vpbx.cdr.journaled"));
        assertTrue(gauge("vpbx.cdr.journaled") >= 4, "held beyond 4 records went to the journal");

        databaseBack();
        writer.drainOnce(); // the idle step: journal first, then what is held
        assertEquals(10, stored());
        assertEquals(0, gauge("vpbx.cdr.held") + gauge("vpbx.cdr.journaled"));
        assertEquals(0, count("vpbx.cdr.dropped", "reason", "write_failed"));
        assertEquals(10, count("vpbx.cdr.written"));
    }

    @Test
    void recordsOfferedWhenTheDatabaseIsBackAreWrittenWithTheHeldOnes() throws Exception {
        journaling(10, 100);
        databaseDown();
        offer(0, 3);
        writer.drainOnce();
        databaseBack();
        offer(3, 5);
        writer.drainOnce();

        assertEquals(List.of("call-4", "call-3", "call-2", "call-1", "call-0"), db.database().inTransaction(tx -> store.query(tx,
                new CallRecordQuery(null, null, null, null, null, null, null, null, 10)))
                .stream().map(stored -> stored.record().callId()).toList());
    }

    @Test
    void closingWhileTheDatabaseIsDownPutsEverythingInTheJournalAndTheNextWriterWritesItOnce() throws Exception {
        journaling(3, 1000);
        databaseDown();
        offer(0, 7);
        writer.close();
        assertEquals(7, new CallRecordJournal(dir.resolve("cdr.journal"), JsonMappers.create()).size());

        databaseBack();
        // one of them reached the database before the crash that left the journal: it is not written twice
        db.database().inTransaction(tx -> {
            store.append(tx, List.of(record(2)));
            return null;
        });
        journaling(3, 1000);
        writer.drainOnce();

        assertEquals(7, stored());
        assertEquals(0, writer.waiting());
        assertEquals(0, count("vpbx.cdr.dropped", "reason", "write_failed"));
    }
}
