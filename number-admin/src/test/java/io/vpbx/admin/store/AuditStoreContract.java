package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.audit.AuditChainEntry;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditedChange;
import io.vpbx.admin.domain.audit.AuditExport;
import io.vpbx.admin.domain.audit.AuditHasher;
import io.vpbx.admin.domain.audit.ChainVerification;
import io.vpbx.admin.domain.audit.FieldChange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import io.vpbx.admin.store.jdbc.Database;
import io.vpbx.admin.store.jdbc.JdbcSettings;
import java.time.Instant;
import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** What every AuditStore must do with its hash chain; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface AuditStoreContract extends StoreContract {
    /** "h2" or "postgresql": which kind of database an older schema is built in for the migration test. */
    String kind();

    /** Raw SQL access to the database under test: the tamper tests change rows behind the store's back. */
    DataSource dataSource();

    AuditStore audit();

    Instant T0 = Instant.parse("2026-11-23T10:00:00.123456789Z");

    private static AuditEvent event(String account, int n) {
        return new AuditEvent(0, T0.plusSeconds(n), account, "account/" + account + "/key/k1", "10.0.0." + n, "req-" + n,
                "number.updated", "number", "+7495123000" + (n % 10),
                List.of(new FieldChange("comment", TextNode.valueOf("before " + n), TextNode.valueOf("after, \"" + n + "\""))));
    }

    private void append(AuditEvent... events) {
        inTx(tx -> {
            for (AuditEvent event : events) {
                audit().append(tx, event);
            }
            return null;
        });
    }

    private void appendFive() {
        for (int n = 1; n <= 5; n++) {
            append(event(n % 2 == 0 ? "acc-even" : "acc-odd", n));
        }
    }

    private List<AuditChainEntry> all() {
        return inTx(tx -> audit().export(tx, new AuditExport(null, null, null, Long.MAX_VALUE), 0, 1000));
    }

    private ChainVerification verify() {
        return inTx(audit()::verify);
    }

    private void sql(String statement, Object... values) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement st = connection.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    default void appendsFormOneChainWithConsecutiveIdsAndMicrosecondTimes() {
        appendFive();
        List<AuditChainEntry> entries = all();
        assertEquals(5, entries.size());
        String prev = AuditHasher.GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            AuditChainEntry entry = entries.get(i);
            assertEquals(i + 1, entry.id());
            assertEquals(prev, entry.prevHash(), "entry " + entry.id() + " links to the one before");
            assertEquals(AuditHasher.hash(entry), entry.entryHash(), "the stored hash is the hash of what is stored");
            assertEquals(T0.plusSeconds(i + 1).minusNanos(789), entry.at(), "kept to the microsecond, as hashed");
            prev = entry.entryHash();
        }
        assertEquals(prev, inTx(audit()::head).lastHash());
    }

    @Test
    default void anEmptyLogAndAnUntouchedLogVerify() {
        assertEquals(ChainVerification.intact(0, AuditHasher.GENESIS), verify());
        appendFive();
        append(event("acc-odd", 6), event("acc-odd", 7));
        ChainVerification result = verify();
        assertTrue(result.ok(), result.toString());
        assertEquals(7, result.entries());
        assertEquals(all().get(6).entryHash(), result.lastHash());
    }

    @Test
    default void aRolledBackAppendLeavesNoGap() {
        appendFive();
        try {
            inTx(tx -> {
                audit().append(tx, event("acc-odd", 6));
                throw new IllegalStateException("the change fails after its audit entry");
            });
        } catch (IllegalStateException expected) {
            // the append is rolled back with the change
        }
        append(event("acc-odd", 7));
        assertEquals(6, all().get(5).id());
        assertTrue(verify().ok());
    }

    @Test
    default void changedChangesAreFoundAtTheirEntry() {
        appendFive();
        sql("UPDATE audit_events SET changes = ? WHERE id = 3", "[{\"field\":\"comment\",\"before\":null,\"after\":\"x\"}]");
        ChainVerification result = verify();
        assertFalse(result.ok());
        assertEquals(3L, result.brokenAt());
        assertTrue(result.reason().startsWith("entry 3 was changed"), result.reason());
    }

    @Test
    default void aChangedActorIsFoundAtItsEntry() {
        appendFive();
        sql("UPDATE audit_events SET actor = 'operator/someone-else' WHERE id = 2");
        assertEquals(2L, verify().brokenAt());
    }

    @Test
    default void aChangedEntryWithARecomputedHashIsFoundByTheNextLink() {
        appendFive();
        AuditChainEntry third = all().get(2);
        AuditChainEntry forged = new AuditChainEntry(third.id(), third.at(), third.accountId(), "operator/someone-else",
                third.sourceIp(), third.requestId(), third.action(), third.resourceType(), third.resourceId(), third.changes(),
                third.prevHash(), null);
        sql("UPDATE audit_events SET actor = ?, entry_hash = ? WHERE id = 3", forged.actor(), AuditHasher.hash(forged));
        ChainVerification result = verify();
        assertEquals(3L, result.brokenAt(), result.toString());
        assertTrue(result.reason().startsWith("entry 3 was changed"), result.reason());
    }

    @Test
    default void aDeletedMiddleEntryIsAGap() {
        appendFive();
        sql("DELETE FROM audit_events WHERE id = 3");
        ChainVerification result = verify();
        assertEquals(3L, result.brokenAt());
        assertEquals("entry 3 is missing (gap): entry 2 is followed by entry 4", result.reason());
    }

    @Test
    default void aDeletedFirstOrLastEntryIsFound() {
        appendFive();
        sql("DELETE FROM audit_events WHERE id = 5");
        ChainVerification last = verify();
        assertEquals(5L, last.brokenAt());
        assertTrue(last.reason().startsWith("entry 5 is missing"), last.reason());
        sql("UPDATE audit_chain_head SET last_id = 4, last_hash = ?", all().get(3).entryHash());
        assertTrue(verify().ok(), "a consistent head makes the shortened chain whole: why last_hash is worth recording");
        sql("DELETE FROM audit_events WHERE id = 1");
        assertEquals(1L, verify().brokenAt());
    }

    @Test
    default void aHeadThatDoesNotMatchIsFound() {
        appendFive();
        sql("UPDATE audit_chain_head SET last_hash = ?", AuditHasher.GENESIS);
        ChainVerification result = verify();
        assertEquals(5L, result.brokenAt());
        assertTrue(result.reason().startsWith("head does not match"), result.reason());
    }

    @Test
    default void concurrentAppendsFromFourTransactionsFormOneChain() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String account = "acc-" + t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < perThread; n++) {
                        append(event(account, n), event(account, n + 100));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ChainVerification result = verify();
        assertTrue(result.ok(), result.toString());
        assertEquals(threads * perThread * 2, result.entries());
    }

    private List<AuditedChange> changesAfter(long position, int limit) {
        return inTx(tx -> audit().changesAfter(tx, position, limit));
    }

    @Test
    default void changesAfterAPositionComeInChainOrderAtMostALimitAtATime() {
        long start = inTx(audit()::head).lastId();
        assertEquals(List.of(), changesAfter(start, 10), "nothing after the head");
        appendFive();
        assertEquals(List.of(new AuditedChange(1, "number", "+74951230001"), new AuditedChange(2, "number", "+74951230002")),
                changesAfter(start, 2));
        assertEquals(List.of(3L, 4L, 5L), changesAfter(2, 10).stream().map(AuditedChange::position).toList());
        assertEquals(List.of(), changesAfter(5, 10));
    }

    /**
     * A follower that reads on from the last position it saw must never step over an entry that becomes
     * visible later: the head lock hands out ids in commit order, so each read continues where the last ended.
     */
    @Test
    default void aFollowerReadingWhileFourTransactionsAppendSeesEveryPositionInOrder() throws Exception {
        int threads = 4;
        int perThread = 25;
        int total = threads * perThread * 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Long> seen = new ArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String account = "acc-" + t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < perThread; n++) {
                        append(event(account, n), event(account, n + 100));
                    }
                    return null;
                }));
            }
            go.countDown();
            long position = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.size() < total && System.nanoTime() < deadline) {
                for (AuditedChange change : changesAfter(position, 7)) {
                    assertEquals(position + 1, change.position(), "read on from " + position);
                    position = change.position();
                    seen.add(position);
                }
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(total, seen.size());
    }

    @Test
    default void exportPagesInIdOrderWithinItsFilters() {
        appendFive();
        List<AuditChainEntry> odd = inTx(tx -> audit().export(tx,
                new AuditExport("acc-odd", null, null, Long.MAX_VALUE), 1, 1));
        assertEquals(List.of(3L), odd.stream().map(AuditChainEntry::id).toList(), "after id 1, one entry");
        List<AuditChainEntry> window = inTx(tx -> audit().export(tx,
                new AuditExport(null, Instant.parse("2026-11-23T10:00:02Z"), Instant.parse("2026-11-23T10:00:04Z"), 4), 0, 100));
        assertEquals(List.of(2L, 3L), window.stream().map(AuditChainEntry::id).toList(), "since inclusive, until exclusive");
        assertEquals(List.of(2L, 3L, 4L), inTx(tx -> audit().export(tx,
                new AuditExport(null, Instant.parse("2026-11-23T10:00:02Z"), null, 4), 0, 100)).stream().map(AuditChainEntry::id).toList(),
                "nothing after upToId");
        assertEquals(3L, (long) inTx(tx -> audit().count(tx, new AuditExport("acc-odd", null, null, 5), 10)));
        assertEquals(2L, (long) inTx(tx -> audit().count(tx, new AuditExport(null, null, null, 5), 2)));
    }

    @Test
    default void anOldLogStaysBeforeTheChainAndTheChainFollowsIt() throws SQLException {
        String schema = "postgresql".equals(kind()) ? TestDatabases.newPostgresSchema() : null;
        String url = schema != null ? TestDatabases.PG_URL
                : "jdbc:h2:mem:old" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        String user = schema != null ? TestDatabases.PG_USER : "sa";
        try {
            Flyway.configure().dataSource(url, user, "").schemas(schema == null ? new String[0] : new String[] {schema})
                    .locations("classpath:db/migration").target("3").load().migrate();
            try (Connection connection = DriverManager.getConnection(url, user, "");
                 Statement st = connection.createStatement()) {
                if (schema != null) {
                    st.execute("SET search_path TO " + schema);
                }
                for (int n = 1; n <= 2; n++) {
                    st.execute("INSERT INTO audit_events (at, actor, source_ip, request_id, action, resource_type, resource_id, changes) "
                            + "VALUES (TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'operator/old', '127.0.0.1', 'r" + n
                            + "', 'account.created', 'account', 'a" + n + "', '[]')");
                }
            }
            try (Database migrated = Database.open(new JdbcSettings(url, user, "", 2, schema))) {
                assertEquals(ChainVerification.intact(0, AuditHasher.GENESIS), migrated.inTransaction(audit()::verify));
                migrated.inTransaction(tx -> {
                    audit().append(tx, event("acc-odd", 1));
                    audit().append(tx, event("acc-odd", 2));
                    return null;
                });
                List<AuditChainEntry> entries = migrated.inTransaction(tx ->
                        audit().export(tx, new AuditExport(null, null, null, Long.MAX_VALUE), Long.MIN_VALUE, 10));
                assertEquals(List.of(1L, 2L, 3L, 4L), entries.stream().map(AuditChainEntry::id).toList());
                assertNull(entries.get(1).entryHash(), "an old entry has no links");
                assertEquals(AuditHasher.GENESIS, entries.get(2).prevHash(), "the chain starts after the old entries");
                ChainVerification result = migrated.inTransaction(audit()::verify);
                assertTrue(result.ok(), result.toString());
                assertEquals(2, result.entries());
            }
        } finally {
            if (schema != null) {
                TestDatabases.dropPostgresSchema(schema);
            } else {
                try (Connection connection = DriverManager.getConnection(url, user, "");
                     Statement st = connection.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
        }
    }
}
