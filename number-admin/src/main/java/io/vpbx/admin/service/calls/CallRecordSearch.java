package io.vpbx.admin.service.calls;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.cdr.CallRecordQuery;
import io.vpbx.admin.domain.cdr.StoredCallRecord;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.CallRecordStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;

/** Reading call records: an account reads its own, the operator any account's or all. */
public final class CallRecordSearch {
    private final Transactions transactions;
    private final CallRecordStore store;

    public CallRecordSearch(Transactions transactions, CallRecordStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    public List<StoredCallRecord> search(RequestContext ctx, CallRecordQuery query) {
        if (query.from() != null && query.to() != null && !query.to().isAfter(query.from())) {
            throw new InvalidFieldException("to", "must be after from");
        }
        CallRecordQuery scoped = query;
        if (!ctx.principal().isOperator()) {
            String own = ctx.accountId();
            if (query.accountId() != null && !query.accountId().equals(own)) {
                throw new ForbiddenException("account_id: an account reads only its own call records");
            }
            scoped = query.forAccount(own);
        }
        CallRecordQuery checked = scoped;
        return transactions.inTransaction(tx -> store.query(tx, checked));
    }
}
