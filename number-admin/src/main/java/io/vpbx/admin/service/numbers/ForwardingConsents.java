package io.vpbx.admin.service.numbers;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.forwarding.ForwardingConsent;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.ForwardingConsentStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * A number's holder decides which other accounts may forward calls to it. Revoking a consent drops the
 * forwardings that relied on it, in the same transaction.
 */
public final class ForwardingConsents {
    private final Transactions transactions;
    private final ForwardingConsentStore consents;
    private final NumberStore numbers;
    private final AccountStore accounts;
    private final ForeignForwardings foreign;
    private final Auditor auditor;
    private final Clock clock;

    public ForwardingConsents(Transactions transactions, ForwardingConsentStore consents, NumberStore numbers,
                              AccountStore accounts, ForeignForwardings foreign, Auditor auditor, Clock clock) {
        this.transactions = transactions;
        this.consents = consents;
        this.numbers = numbers;
        this.accounts = accounts;
        this.foreign = foreign;
        this.auditor = auditor;
        this.clock = clock;
    }

    public List<ForwardingConsent> list(RequestContext ctx, String e164) {
        String holder = ctx.accountId();
        return transactions.inTransaction(tx -> {
            held(tx, holder, e164);
            return consents.list(tx, e164, holder);
        });
    }

    /** Allows {@code allowedAccountId} to forward to the number; granting twice keeps the first consent. */
    public ForwardingConsent grant(RequestContext ctx, String e164, String allowedAccountId) {
        String holder = ctx.accountId();
        return transactions.inTransaction(tx -> {
            held(tx, holder, e164);
            if (allowedAccountId == null || allowedAccountId.isBlank()) {
                throw new InvalidFieldException("account_id", "is required: the account that may forward to this number");
            }
            if (allowedAccountId.equals(holder)) {
                throw new InvalidFieldException("account_id", "an account forwards to its own numbers without consent");
            }
            if (allowedAccountId.length() > 36 || accounts.find(tx, allowedAccountId).isEmpty()) {
                throw new InvalidFieldException("account_id", "no account " + allowedAccountId);
            }
            ForwardingConsent consent = new ForwardingConsent(e164, holder, allowedAccountId, clock.instant());
            if (consents.grant(tx, consent)) {
                auditor.record(tx, ctx, holder, "number.forwarding_consent_granted", "number", e164,
                        new Changes().field("forwarding_consent", null, allowedAccountId).list());
                return consent;
            }
            return consents.list(tx, e164, holder).stream().filter(c -> c.allowedAccountId().equals(allowedAccountId))
                    .findFirst().orElseThrow(() -> new ConflictException("number " + e164 + " changed meanwhile; try again"));
        });
    }

    /** Withdraws the consent; the allowed account's forwardings to the number are dropped. */
    public void revoke(RequestContext ctx, String e164, String allowedAccountId) {
        String holder = ctx.accountId();
        transactions.inTransaction(tx -> {
            held(tx, holder, e164);
            if (!consents.revoke(tx, e164, allowedAccountId)) {
                throw new NotFoundException("forwarding consent " + allowedAccountId + " of number " + e164);
            }
            foreign.dropFrom(tx, ctx, e164, allowedAccountId);
            auditor.record(tx, ctx, holder, "number.forwarding_consent_revoked", "number", e164,
                    new Changes().field("forwarding_consent", allowedAccountId, null).list());
            return null;
        });
    }

    private NumberRecord held(Tx tx, String holder, String e164) throws SQLException {
        return numbers.lock(tx, List.of(e164)).stream().findFirst()
                .filter(record -> holder.equals(record.accountId()) && record.state().isOwned())
                .orElseThrow(() -> new NotFoundException("number " + e164));
    }
}
