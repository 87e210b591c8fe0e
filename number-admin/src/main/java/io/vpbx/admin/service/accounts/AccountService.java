package io.vpbx.admin.service.accounts;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.service.contacts.ContactPhoneChanges;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Creating and reading accounts: the operator's work. */
public final class AccountService {

    /** A new account and its first API key, whose secret is shown only in this answer. */
    public record CreatedAccount(Account account, ApiKey firstKey) {
    }

    private final Transactions transactions;
    private final AccountStore accounts;
    private final ApiKeys keys;
    private final Auditor auditor;
    private final Clock clock;

    public AccountService(Transactions transactions, AccountStore accounts, ApiKeys keys, Auditor auditor, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.keys = keys;
        this.auditor = auditor;
        this.clock = clock;
    }

    public CreatedAccount create(RequestContext ctx, String name) {
        return create(ctx, name, null, null);
    }

    /**
     * {@code contactPhone} (E.164) and {@code contactEmail} come checked by the caller, either may be null. The
     * phone is set freely only here; later changes go through {@link ContactPhoneChanges}.
     */
    public CreatedAccount create(RequestContext ctx, String name, String contactPhone, String contactEmail) {
        ctx.requireOperator();
        String trimmed = FreeText.required("name", name, Account.MAX_NAME_LENGTH);
        Account account = new Account(UUID.randomUUID().toString(), trimmed, clock.instant(), contactPhone, contactEmail);
        ApiKey key = keys.generate();
        return transactions.inTransaction(tx -> {
            accounts.create(tx, account);
            accounts.addKey(tx, key, Principal.account(account.id(), key.id()), account.createdAt());
            auditor.record(tx, ctx, account.id(), "account.created", "account", account.id(),
                    new Changes().field("name", null, trimmed).field("api_key", null, key.prefix() + "...")
                            .field("contact_phone", null, contactPhone).field("contact_email", null, contactEmail).list());
            return new CreatedAccount(account, key);
        });
    }

    public Account get(RequestContext ctx, String accountId) {
        if (!ctx.principal().isOperator() && !accountId.equals(ctx.principal().accountId())) {
            throw new NotFoundException("account " + accountId);
        }
        return transactions.inTransaction(tx -> accounts.find(tx, accountId))
                .orElseThrow(() -> new NotFoundException("account " + accountId));
    }

    public List<Account> list(RequestContext ctx, String afterId, int limit) {
        ctx.requireOperator();
        return transactions.inTransaction(tx -> accounts.list(tx, afterId, limit));
    }
}
