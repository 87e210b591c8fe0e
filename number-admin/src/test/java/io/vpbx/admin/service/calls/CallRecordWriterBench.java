package io.vpbx.admin.service.calls;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestCallRecords;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.store.jdbc.JdbcCallRecordStore;
import io.vpbx.telephony.cdr.CallRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The call-record writer's CPU per record on the real PostgreSQL (a fresh schema of db {@code test}). Not a
 * test; run by hand with {@code bench/cdr-writer-bench.sh [records=200000] [records/s=0] [warm-up records=50000]}.
 *
 * <p>Records like the proxy's (two attempts, inbound, answered) are offered from this thread, either as fast as
 * the queue takes them (rate 0: full batches, the writer's floor) or at a fixed rate as the proxy offers them
 * (1,000/s is the SIPp bench's rate: the batch is then whatever arrived while the writer was away). Printed: CPU
 * of the writer thread per record (user and system), and of the offering thread per record in the paced mode.
 */
public final class CallRecordWriterBench {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");

    private CallRecordWriterBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            CallRecordWriter writer = new CallRecordWriter(db.database(), new JdbcCallRecordStore(JsonMappers.create()), registry);
            writer.start();
            long writerId = threadId("vpbx-cdr-writer");
            run(writer, registry, 0, warmUp, 0);
            writer.flush();
            System.out.printf("warm-up: %,d records%n", warmUp);
            long cpu0 = threads.getThreadCpuTime(writerId);
            long user0 = threads.getThreadUserTime(writerId);
            long self0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            run(writer, registry, warmUp, records, rate);
            long self = threads.getCurrentThreadCpuTime() - self0;
            writer.flush();
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getThreadCpuTime(writerId) - cpu0;
            long user = threads.getThreadUserTime(writerId) - user0;
            double written = registry.get("vpbx.cdr.written").counter().count();
            double dropped = registry.get("vpbx.cdr.dropped").counters().stream().mapToDouble(c -> c.count()).sum();
            System.out.printf("%,d records at %s in %.1f s: writer CPU %.2f us/record (user %.2f, system %.2f); "
                            + "offering thread %.2f us/record; written %,.0f, dropped %,.0f%n",
                    records, rate == 0 ? "full speed" : rate + "/s", wall / 1e9, cpu / 1e3 / records, user / 1e3 / records,
                    (cpu - user) / 1e3 / records, self / 1e3 / records, written - warmUp, dropped);
            writer.close();
        }
    }

    /** Offers {@code count} records numbered from {@code first}, at {@code rate} a second or (0) as the queue allows. */
    private static void run(CallRecordWriter writer, SimpleMeterRegistry registry, int first, int count, int rate) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = first + i;
            CallRecord record = TestCallRecords.answered("bench-" + n + "@10.0.0.1", "acc-" + (n % 100), "+7495" + (1_000_000 + n % 1000),
                    "+7916" + (1_000_000 + n), T0.plusMillis(n));
            if (rate > 0) {
                long due = start + i * 1_000_000_000L / rate;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            } else {
                while (registry.get("vpbx.cdr.queue.depth").gauge().value() >= CallRecordWriter.QUEUE_CAPACITY - 1) {
                    LockSupport.parkNanos(100_000);
                }
            }
            writer.offer(record);
        }
    }

    private static long threadId(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread.getId();
            }
        }
        throw new IllegalStateException("no thread " + name);
    }
}
