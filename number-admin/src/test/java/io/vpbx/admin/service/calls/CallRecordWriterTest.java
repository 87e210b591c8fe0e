package io.vpbx.admin.service.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

        TroubledStore(CallRecordStore store) {
            this.store = store;
        }

        @Override
        public void append(Tx tx, List<CallRecord> records) throws SQLException {
            if (failures > 0) {
                failures--;
                throw new SQLException("connection reset");
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

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
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

    private static CallRecord record(int n) {
        return TestCallRecords.answered("call-" + n, "acc-1", "+74951230001", "+79161234567", T0.plusSeconds(n));
    }

    private void offer(int from, int to) {
        for (int n = from; n < to; n++) {
            writer.offer(record(n));
        }
    }

    private int stored() {
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
    void eachDrainStepWritesAtMostOneBatchInItsOwnTransaction() {
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
    void aFullQueueDropsTheNewRecordAndCountsIt() {
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
    void aBatchThatFailsIsTriedAgainAndWritten() {
        writer(100, 10, 3);
        store.failures = 2;
        offer(0, 4);

        assertEquals(4, writer.drainOnce());
        assertEquals(4, stored());
        assertEquals(2, count("vpbx.cdr.write.failures"));
        assertEquals(0, count("vpbx.cdr.dropped", "reason", "write_failed"));
    }

    @Test
    void aBatchThatFailsEveryTryIsDroppedAndCountedAndTheNextOneIsWritten() {
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
    void closeWritesEverythingQueuedAndLaterRecordsAreDroppedAsClosed() {
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
    void withTheThreadRunningAFlushReturnsOnlyOnceEarlierRecordsAreWritten() {
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
}
