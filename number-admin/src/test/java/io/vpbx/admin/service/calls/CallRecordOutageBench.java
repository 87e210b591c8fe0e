package io.vpbx.admin.service.calls;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestCallRecords;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.TxWork;
import io.vpbx.admin.store.jdbc.JdbcCallRecordStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A long database outage for the call record writer alone, on the real PostgreSQL (a fresh schema of db {@code test}):
 * {@code records} calls end while the database is unreachable (10 minutes at 1,000 calls/s by default), are held and
 * journaled, then the database answers and the journal is replayed. Prints the time and disk per record of each
 * phase and checks that the table holds each record once. Not a test; run by hand with
 * {@code bench/cdr-outage-bench.sh [records=600000]}.
 */
public final class CallRecordOutageBench {
    private static final Instant T0 = Instant.parse("2026-12-07T05:00:00.123456Z");
    private static final int CHUNK = 5_000;

    private CallRecordOutageBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
        Path dir = Files.createTempDirectory("cdr-outage-bench");
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            boolean[] down = {true};
            Transactions outage = new Transactions() {
                @Override
                public <T> T inTransaction(TxWork<T> work) {
                    if (down[0]) {
                        throw new StorageException("the database is unreachable", null, 5);
                    }
                    return db.database().inTransaction(work);
                }
            };
            Path journalFile = dir.resolve("call-records.journal");
            CallRecordWriter writer = new CallRecordWriter(outage, new JdbcCallRecordStore(JsonMappers.create()),
                    new SimpleMeterRegistry(), CallRecordWriter.QUEUE_CAPACITY, CallRecordWriter.BATCH_SIZE,
                    CallRecordWriter.MAX_TRIES, Optional.of(new CallRecordJournal(journalFile, JsonMappers.create())), 10_000,
                    Duration.ofHours(1));

            long start = System.nanoTime();
            for (int n = 0; n < records; n += CHUNK) {
                for (int i = n; i < Math.min(records, n + CHUNK); i++) {
                    writer.offer(TestCallRecords.answered("call-" + i + "@bench", "acc-1", "+74951230001", "+79161234567",
                            T0.plusMillis(i)));
                }
                writer.flush();
            }
            long held = System.nanoTime() - start;
            long bytes = Files.size(journalFile);
            System.out.printf("outage: %d records held and journaled in %d ms (%.1f us each), journal %d MB (%d bytes each),"
                            + " waiting %d%n", records, held / 1_000_000, held / 1_000.0 / records, bytes >> 20, bytes / records,
                    writer.waiting());

            down[0] = false;
            start = System.nanoTime();
            writer.close(); // the retry: journal first, then what is held
            long replay = System.nanoTime() - start;
            long rows = db.database().inTransaction(tx -> {
                try (Statement st = tx.connection().createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT call_id) FROM call_records")) {
                    rs.next();
                    System.out.printf("back: %d records written in %d ms (%.0f records/s); rows %d, distinct Call-IDs %d,"
                                    + " journal left %s%n", records, replay / 1_000_000, records / (replay / 1e9), rs.getLong(1),
                            rs.getLong(2), Files.exists(journalFile));
                    return rs.getLong(1);
                }
            });
            if (rows != records) {
                throw new AssertionError(rows + " rows for " + records + " records");
            }
        }
    }
}
