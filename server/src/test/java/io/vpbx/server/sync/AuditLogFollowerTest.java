package io.vpbx.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rounds of following the audit log, run by hand on a real (H2) database: order, bounds, failures. */
class AuditLogFollowerTest {
    private final TestDatabases.TestDatabase db = TestDatabases.h2();
    private final JdbcAuditStore store = new JdbcAuditStore(JsonMappers.create());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> heard = new ArrayList<>();

    @AfterEach
    void close() {
        db.close();
    }

    private void audit(String resourceType, String resourceId) {
        db.database().inTransaction(tx -> {
            store.append(tx, new AuditEvent(0, Instant.parse("2026-11-23T10:00:00Z"), "acc", "operator/test", "127.0.0.1", "req",
                    resourceType + ".updated", resourceType, resourceId, List.of()));
            return null;
        });
    }

    private AuditLogFollower follower(int batch) {
        return new AuditLogFollower(db.database(), store, (type, id) -> heard.add(type + " " + id), batch, registry);
    }

    @Test
    void appliesWhatCameAfterItsStartInLogOrderABatchAtATime() {
        audit("number", "+74951230001");
        AuditLogFollower follower = follower(2);
        assertEquals(1, follower.startAtHead());
        audit("trunk", "t1");
        audit("employee", "e1");
        audit("number", "+74951230001");

        assertEquals(2, follower.pollOnce());
        assertEquals(List.of("trunk t1", "employee e1"), heard);
        assertEquals(1, follower.pollOnce());
        assertEquals(0, follower.pollOnce());
        assertEquals(List.of("trunk t1", "employee e1", "number +74951230001"), heard, "what came before the start is not replayed");
        assertEquals(3.0, registry.counter("vpbx.cluster.changes").count());
    }

    @Test
    void aWakeRunsARoundAtOnceBetweenTheTimedOnes() throws InterruptedException {
        try (AuditLogFollower follower = follower(10)) {
            follower.startAtHead();
            follower.wake(); // before start: nothing to wake, nothing fails
            follower.start(java.time.Duration.ofHours(1));
            audit("trunk", "t1");
            follower.wake();
            for (int i = 0; i < 200 && registry.counter("vpbx.cluster.changes").count() < 1; i++) {
                Thread.sleep(10);
            }
            assertEquals(1.0, registry.counter("vpbx.cluster.changes").count(), "applied long before the hourly round");
        }
    }

    @Test
    void aFailedChangeIsRetriedNextRoundAndNothingAfterItIsSkipped() {
        int[] failures = {1};
        AuditLogFollower flaky = new AuditLogFollower(db.database(), store, (type, id) -> {
            if ("department".equals(type) && failures[0]-- > 0) {
                throw new IllegalStateException("database gone while re-reading " + id);
            }
            heard.add(type + " " + id);
        }, 10, registry);
        flaky.startAtHead();
        audit("number", "+74951230002");
        audit("department", "d2");
        audit("trunk", "t2");

        assertThrows(IllegalStateException.class, flaky::pollOnce);
        assertEquals(List.of("number +74951230002"), heard);
        assertEquals(2, flaky.pollOnce(), "from the failed entry on");
        assertEquals(List.of("number +74951230002", "department d2", "trunk t2"), heard);
    }
}
