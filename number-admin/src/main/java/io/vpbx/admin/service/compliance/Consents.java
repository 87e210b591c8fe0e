package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.Consent;
import io.vpbx.admin.domain.compliance.DocumentFile;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.LifecycleEvent;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.ConsentStore;
import io.vpbx.admin.store.DocumentFileStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An end user's consent to the processing of their data: given (recorded with the data when it is collected, or
 * later), read back with everything held about them (the export), and withdrawn. Withdrawal releases their numbers:
 * the bindings end, an active number is blocked until the account binds another holder and the registry confirms,
 * and the retention period of the data starts.
 */
public final class Consents {

    /** A consent as a request gives it. */
    public record Given(String textVersion, String channel) {
    }

    /** What is held about an end user, for the export. */
    public record Export(EndUser endUser, List<Consent> consents, List<Binding> bindings, List<DocumentFile> files) {
    }

    private final Transactions transactions;
    private final ConsentStore consents;
    private final EndUserStore endUsers;
    private final BindingStore bindings;
    private final NumberStore numbers;
    private final DocumentFileStore files;
    private final NumberLifecycle lifecycle;
    private final Auditor auditor;
    private final Clock clock;

    public Consents(Transactions transactions, ConsentStore consents, EndUserStore endUsers, BindingStore bindings,
                    NumberStore numbers, DocumentFileStore files, NumberLifecycle lifecycle, Auditor auditor, Clock clock) {
        this.transactions = transactions;
        this.consents = consents;
        this.endUsers = endUsers;
        this.bindings = bindings;
        this.numbers = numbers;
        this.files = files;
        this.lifecycle = lifecycle;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** Records a consent inside the caller's transaction (the end user's creation), audited. */
    public Consent record(Tx tx, RequestContext ctx, EndUser endUser, Given given) throws SQLException {
        Consent consent = Consent.given("consent", UUID.randomUUID().toString(), endUser.accountId(), endUser.id(),
                given.textVersion(), given.channel(), StoredTime.now(clock));
        consents.create(tx, consent);
        auditor.record(tx, ctx, endUser.accountId(), "end_user.consent_given", "end_user", endUser.id(), new Changes()
                .field("consent", null, consent.id())
                .field("text_version", null, consent.textVersion())
                .field("channel", null, consent.channel().wireName()).list());
        return consent;
    }

    public Consent give(RequestContext ctx, String endUserId, Given given) {
        if (given == null) {
            throw new io.vpbx.admin.domain.InvalidFieldException("body", "is required: text_version and channel");
        }
        // checked before the transaction: a bad field is refused without touching the end user
        Consent.given("consent", "-", "-", "-", given.textVersion(), given.channel(), Instant.EPOCH);
        return transactions.inTransaction(tx -> record(tx, ctx, owned(tx, ctx, endUserId), new Given(given.textVersion(), given.channel())));
    }

    public List<Consent> list(RequestContext ctx, String endUserId) {
        return transactions.inTransaction(tx -> {
            visible(tx, ctx, endUserId);
            return consents.list(tx, endUserId);
        });
    }

    /** Everything held about the end user, for them to read; the reading is audited. */
    public Export export(RequestContext ctx, String endUserId) {
        return transactions.inTransaction(tx -> {
            EndUser endUser = visible(tx, ctx, endUserId);
            auditor.record(tx, ctx, endUser.accountId(), "end_user.exported", "end_user", endUserId, List.of());
            return new Export(endUser, consents.list(tx, endUserId), bindings.byHolder(tx, Binding.HolderType.END_USER, endUserId),
                    files.list(tx, endUserId));
        });
    }

    /** Withdraws every consent in force and releases the end user's numbers; returns the numbers released. */
    public List<String> withdraw(RequestContext ctx, String endUserId) {
        return transactions.inTransaction(tx -> {
            EndUser endUser = owned(tx, ctx, endUserId);
            Instant now = StoredTime.now(clock);
            if (consents.withdrawAll(tx, endUserId, now) == 0) {
                throw new ConflictException("end user " + endUserId + " has no consent in force to withdraw");
            }
            auditor.record(tx, ctx, endUser.accountId(), "end_user.consent_withdrawn", "end_user", endUserId,
                    new Changes().field("consent", "given", "withdrawn").list());
            List<String> held = bindings.byHolder(tx, Binding.HolderType.END_USER, endUserId).stream().map(Binding::e164).toList();
            for (NumberRecord number : numbers.lock(tx, held)) {
                bindings.delete(tx, number.e164());
                NumberRecord after = lifecycle.next(number.state(), LifecycleEvent.HOLDER_WITHDREW)
                        .map(state -> number.withState(state, now)).orElse(number);
                numbers.save(tx, after);
                auditor.record(tx, ctx, number.accountId(), "number.holder_withdrew", "number", number.e164(), new Changes()
                        .field("binding", "end_user/" + endUserId, null)
                        .field("state", number.state().wireName(), after.state().wireName()).list());
            }
            if (!held.isEmpty()) {
                endUsers.update(tx, endUser.withLastNumberReleasedAt(now));
            }
            return held;
        });
    }

    /** The caller's own end user (the account acts for its end users; the operator reads but does not act). */
    private EndUser owned(Tx tx, RequestContext ctx, String endUserId) throws SQLException {
        EndUser endUser = endUsers.lock(tx, ctx.accountId(), endUserId).orElseThrow(() -> new NotFoundException("end user " + endUserId));
        if (endUser.anonymizedAt() != null) {
            throw new ConflictException("end user " + endUserId + " was anonymized; nothing is held any more");
        }
        return endUser;
    }

    private EndUser visible(Tx tx, RequestContext ctx, String endUserId) throws SQLException {
        return (ctx.principal().isOperator() ? endUsers.lockInAnyAccount(tx, endUserId) : endUsers.find(tx, ctx.accountId(), endUserId))
                .orElseThrow(() -> new NotFoundException("end user " + endUserId));
    }
}
