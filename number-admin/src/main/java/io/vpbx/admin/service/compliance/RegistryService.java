package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.RegistryRequest;
import io.vpbx.admin.domain.compliance.StateRegistry;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.LifecycleEvent;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.RegistryRequestStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Decisions on registry requests: the end user confirms or rejects with the code sent to them (relayed
 * by their business through its API key), the operator verifies M2M bindings. A confirmation activates
 * the number, also a blocked one (a late confirmation).
 */
public final class RegistryService {

    public enum Decision {
        CONFIRM,
        REJECT
    }

    private final Transactions transactions;
    private final RegistryRequestStore requests;
    private final BindingStore bindings;
    private final NumberStore numbers;
    private final NumberLifecycle lifecycle;
    private final StateRegistry registry;
    private final ConfirmationCodes codes;
    private final Auditor auditor;
    private final Clock clock;

    public RegistryService(Transactions transactions, RegistryRequestStore requests, BindingStore bindings, NumberStore numbers,
                           NumberLifecycle lifecycle, StateRegistry registry, ConfirmationCodes codes, Auditor auditor, Clock clock) {
        this.transactions = transactions;
        this.requests = requests;
        this.bindings = bindings;
        this.numbers = numbers;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.codes = codes;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** The end user's answer, with the code they received. A wrong code costs an attempt; none left rejects the request. */
    public RegistryRequest answerAsEndUser(RequestContext ctx, String requestId, String code, Decision decision, String reason) {
        String accountId = ctx.accountId();
        if (code == null || code.isBlank()) {
            throw new InvalidFieldException("code", "the code sent to the end user is required");
        }
        // A wrong code is committed (the attempt is spent) before it is reported, so retries cannot guess forever.
        RegistryRequest answered = transactions.inTransaction(tx -> {
            RegistryRequest request = requests.lock(tx, accountId, requestId)
                    .orElseThrow(() -> new NotFoundException("registry request " + requestId));
            requireOpen(request, RegistryRequest.Status.AWAITING_CONFIRMATION);
            if (codes.matches(request.id(), code, request.codeHash())) {
                return decide(tx, ctx, request, decision, reason);
            }
            RegistryRequest spent = request.withAttemptsLeft(request.codeAttemptsLeft() - 1);
            if (spent.codeAttemptsLeft() <= 0) {
                return decide(tx, ctx, spent, Decision.REJECT, "too many wrong confirmation codes");
            }
            requests.update(tx, spent);
            return spent;
        });
        if (answered.status().open()) {
            throw new InvalidFieldException("code", "does not match; " + answered.codeAttemptsLeft() + " attempts left");
        }
        return answered;
    }

    /** The operator's verification of an M2M binding (or of any open request, acting for the registry). */
    public RegistryRequest answerAsOperator(RequestContext ctx, String requestId, Decision decision, String reason) {
        ctx.requireOperator();
        return transactions.inTransaction(tx -> {
            RegistryRequest request = requests.lock(tx, null, requestId)
                    .orElseThrow(() -> new NotFoundException("registry request " + requestId));
            requireOpen(request, null);
            return decide(tx, ctx, request, decision, reason);
        });
    }

    /** Confirms inside the caller's transaction: the end user submitted the data themselves, which is their consent. */
    public RegistryRequest confirmSelfSubmitted(Tx tx, RequestContext ctx, RegistryRequest request) throws SQLException {
        return decide(tx, ctx, request, Decision.CONFIRM, "self-submitted by the end user");
    }

    public List<RegistryRequest> forNumber(RequestContext ctx, String e164) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> requests.forNumber(tx, accountId, e164));
    }

    private RegistryRequest decide(Tx tx, RequestContext ctx, RegistryRequest request, Decision decision, String reason)
            throws SQLException {
        Instant now = clock.instant();
        RegistryRequest.Status outcome = decision == Decision.CONFIRM
                ? registry.confirm(request.id()) : registry.reject(request.id(), reason);
        RegistryRequest decided = request.decided(outcome, reason, now);
        requests.update(tx, decided);
        Binding binding = bindings.find(tx, request.e164()).filter(b -> b.registryRequestId().equals(request.id())).orElse(null);
        if (binding != null) {
            boolean confirmed = outcome == RegistryRequest.Status.CONFIRMED;
            bindings.put(tx, binding.withStatus(confirmed ? Binding.Status.CONFIRMED : Binding.Status.REJECTED, confirmed ? now : null));
            if (confirmed) {
                activate(tx, ctx, request, now);
            }
        }
        auditor.record(tx, ctx, request.accountId(), "registry_request." + outcome.wireName(), "registry_request", request.id(),
                new Changes().field("status", request.status().wireName(), outcome.wireName())
                        .field("number", null, request.e164()).field("reason", null, reason).list());
        return decided;
    }

    private void activate(Tx tx, RequestContext ctx, RegistryRequest request, Instant now) throws SQLException {
        NumberRecord number = numbers.lock(tx, List.of(request.e164())).stream().findFirst().orElseThrow();
        if (!number.state().isOwned()) {
            return;
        }
        NumberRecord active = number.withState(lifecycle.apply(number.state(), LifecycleEvent.COMPLIANCE_CONFIRMED), now);
        if (active.state() != number.state()) {
            numbers.save(tx, active);
            auditor.record(tx, ctx, request.accountId(), "number.activated", "number", request.e164(),
                    new Changes().field("state", number.state().wireName(), active.state().wireName()).list());
        }
    }

    private static void requireOpen(RegistryRequest request, RegistryRequest.Status expected) {
        if (!request.status().open()) {
            throw new ConflictException("registry request " + request.id() + " is already " + request.status().wireName());
        }
        if (expected != null && request.status() != expected) {
            throw new ConflictException("registry request " + request.id() + " is " + request.status().wireName()
                    + "; the operator verifies it");
        }
    }
}
