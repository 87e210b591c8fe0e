package io.vpbx.admin.service.people;

import io.vpbx.admin.domain.people.LoginAttempt;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.SignInStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;

/**
 * Reading the login journal: an account's owners and admins (and its API keys) read the account's lines; the
 * operator reads one account's ({@code account_id}) or, without it, every line, unknown e-mails included.
 */
public final class LoginJournal {
    private final Transactions transactions;
    private final SignInStore store;

    public LoginJournal(Transactions transactions, SignInStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    public List<LoginAttempt> page(RequestContext ctx, String accountId, Long beforeId, int limit) {
        if (ctx.principal().isOperator()) {
            return transactions.inTransaction(tx -> store.journalPage(tx, accountId, accountId == null, beforeId, limit));
        }
        if (ctx.principal().isUser() && !ctx.principal().userRole().managesAccount()) {
            throw new ForbiddenException("the login journal is for the account's owners and admins");
        }
        if (accountId != null && !accountId.equals(ctx.principal().accountId())) {
            throw new io.vpbx.admin.domain.NotFoundException("account " + accountId);
        }
        String own = ctx.principal().accountId();
        return transactions.inTransaction(tx -> store.journalPage(tx, own, false, beforeId, limit));
    }
}
