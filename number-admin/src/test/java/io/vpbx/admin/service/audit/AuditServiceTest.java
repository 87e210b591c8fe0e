package io.vpbx.admin.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.audit.AuditChainEntry;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may verify and export the audit log, and how far one export goes. */
class AuditServiceTest {
    private final TestDatabases.TestDatabase db = TestDatabases.h2();
    private final JdbcAuditStore store = new JdbcAuditStore(JsonMappers.create());
    private final AuditService audit = new AuditService(db.database(), store, 3);
    private final RequestContext operator = new RequestContext(Principal.operator("op"), "127.0.0.1", "r-op");
    private final RequestContext acme = new RequestContext(Principal.account("acme", "k1"), "127.0.0.1", "r-acme");

    @AfterEach
    void close() {
        db.close();
    }

    private void append(String account, int count) {
        db.database().inTransaction(tx -> {
            for (int i = 0; i < count; i++) {
                store.append(tx, new AuditEvent(0, Instant.parse("2026-11-23T10:00:00Z"), account, "operator/op", "127.0.0.1",
                        "r" + i, "account.updated", "account", account, List.of()));
            }
            return null;
        });
    }

    @Test
    void onlyTheOperatorVerifies() {
        append("acme", 2);
        assertThrows(ForbiddenException.class, () -> audit.verify(acme));
        assertTrue(audit.verify(operator).ok());
    }

    @Test
    void anExportStopsAtTheLimitAndSaysSo() {
        append("acme", 5);
        AuditService.ExportPlan plan = audit.planExport(operator, null, null, null);
        assertEquals(3, plan.rows());
        assertTrue(plan.truncated());
        AuditService.ExportPlan exact = new AuditService(db.database(), store, 5).planExport(operator, null, null, null);
        assertEquals(5, exact.rows());
        assertFalse(exact.truncated());
    }

    @Test
    void anAccountExportsItsOwnEntriesOnlyAndAnExportReadsTheLogAsItWasWhenItBegan() {
        append("acme", 1);
        append("globex", 1);
        AuditService.ExportPlan plan = audit.planExport(acme, "globex", null, null);
        assertEquals("acme", plan.export().accountId(), "an account's account_id is its own, whatever it asks");
        append("acme", 1);
        List<AuditChainEntry> page = audit.exportPage(plan, Long.MIN_VALUE, 100);
        assertEquals(List.of(1L), page.stream().map(AuditChainEntry::id).toList());
    }
}
