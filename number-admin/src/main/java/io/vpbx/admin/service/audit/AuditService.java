package io.vpbx.admin.service.audit;

import io.vpbx.admin.domain.audit.AuditChainEntry;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditExport;
import io.vpbx.admin.domain.audit.AuditQuery;
import io.vpbx.admin.domain.audit.ChainVerification;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.AuditStore;
import io.vpbx.admin.store.Transactions;
import java.time.Instant;
import java.util.List;

/**
 * Reading the audit log: an account sees and exports its own entries, the operator sees all and alone
 * verifies the chain. Exports are read page by page, each page in its own short transaction, so that a
 * slow reader holds no database connection, and stop at {@code maxExportRows}.
 */
public final class AuditService {
    /** The most entries one export request carries; a larger range is cut there and flagged. */
    public static final long MAX_EXPORT_ROWS = 1_000_000;

    /** What one export will carry: its filters, frozen at the chain head, and how many entries. */
    public record ExportPlan(AuditExport export, long rows, boolean truncated) {
    }

    private final Transactions transactions;
    private final AuditStore store;
    private final long maxExportRows;

    public AuditService(Transactions transactions, AuditStore store) {
        this(transactions, store, MAX_EXPORT_ROWS);
    }

    public AuditService(Transactions transactions, AuditStore store, long maxExportRows) {
        if (maxExportRows < 1) {
            throw new IllegalArgumentException("maxExportRows must be at least 1");
        }
        this.transactions = transactions;
        this.store = store;
        this.maxExportRows = maxExportRows;
    }

    public List<AuditEvent> query(RequestContext ctx, AuditQuery query) {
        AuditQuery scoped = ctx.principal().isOperator() ? query
                : new AuditQuery(ctx.accountId(), query.resourceType(), query.resourceId(), query.action(), query.actor(),
                        query.since(), query.until(), query.beforeId(), query.limit());
        return transactions.inTransaction(tx -> store.query(tx, scoped));
    }

    public ChainVerification verify(RequestContext ctx) {
        ctx.requireOperator();
        return transactions.inTransaction(store::verify);
    }

    /**
     * Fixes an export before its first byte is sent: scoped to the caller's account unless the caller is
     * the operator, bounded by the chain head now, counted up to the row limit.
     */
    public ExportPlan planExport(RequestContext ctx, String accountId, Instant since, Instant until) {
        String scope = ctx.principal().isOperator() ? accountId : ctx.accountId();
        return transactions.inTransaction(tx -> {
            AuditExport export = new AuditExport(scope, since, until, store.head(tx).lastId());
            long found = store.count(tx, export, maxExportRows + 1);
            return new ExportPlan(export, Math.min(found, maxExportRows), found > maxExportRows);
        });
    }

    /** The plan's next page after {@code afterId}. */
    public List<AuditChainEntry> exportPage(ExportPlan plan, long afterId, int limit) {
        return transactions.inTransaction(tx -> store.export(tx, plan.export(), afterId, limit));
    }
}
