package io.vpbx.admin.service;

import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditQuery;
import io.vpbx.admin.store.AuditStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;

/** Reading the audit log: an account sees its own entries, the operator sees all. */
public final class AuditService {
    private final Transactions transactions;
    private final AuditStore store;

    public AuditService(Transactions transactions, AuditStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    public List<AuditEvent> query(RequestContext ctx, AuditQuery query) {
        AuditQuery scoped = ctx.principal().isOperator() ? query
                : new AuditQuery(ctx.accountId(), query.resourceType(), query.resourceId(), query.action(), query.actor(),
                        query.since(), query.until(), query.beforeId(), query.limit());
        return transactions.inTransaction(tx -> store.query(tx, scoped));
    }
}
