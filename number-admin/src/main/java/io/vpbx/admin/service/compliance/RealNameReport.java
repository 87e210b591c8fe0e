package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.compliance.RealNameRate;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.RealNameReportStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;

/** The operator's report of the real-name rate per account and jurisdiction. */
public final class RealNameReport {
    private final Transactions transactions;
    private final RealNameReportStore store;

    public RealNameReport(Transactions transactions, RealNameReportStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    public List<RealNameRate> rates(RequestContext ctx) {
        ctx.requireOperator();
        return transactions.inTransaction(store::rates);
    }
}
