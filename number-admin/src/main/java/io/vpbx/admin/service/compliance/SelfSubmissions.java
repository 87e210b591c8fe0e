package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.compliance.RegistryRequest;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;

/**
 * An end user reports themselves, through the registry's portal, as the one answering for a number their
 * company has not reported (the registry passes it on; here the operator's API stands for that portal).
 * In one transaction: the end user is created in the number's account, the number is bound to them and,
 * their own submission being their consent, the request is confirmed and the number activated.
 */
public final class SelfSubmissions {

    public record Submission(String number, EndUserService.Draft endUser, String billing) {
    }

    public record Outcome(EndUser endUser, Binding binding, RegistryRequest request) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final BindingStore bindings;
    private final EndUserService endUsers;
    private final BindingService binder;
    private final RegistryService registry;
    private final NumberInputs inputs;

    public SelfSubmissions(Transactions transactions, NumberStore numbers, BindingStore bindings, EndUserService endUsers,
                           BindingService binder, RegistryService registry, NumberInputs inputs) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.bindings = bindings;
        this.endUsers = endUsers;
        this.binder = binder;
        this.registry = registry;
        this.inputs = inputs;
    }

    public Outcome submit(RequestContext ctx, Submission submission) {
        ctx.requireOperator();
        String e164 = inputs.one("number", submission.number());
        if (submission.endUser() == null) {
            throw new io.vpbx.admin.domain.InvalidFieldException("end_user", "the end user's data is required");
        }
        return transactions.inTransaction(tx -> {
            NumberRecord number = numbers.lock(tx, List.of(e164)).stream().findFirst()
                    .filter(r -> r.accountId() != null && r.state().isOwned())
                    .orElseThrow(() -> new NotFoundException("number in service " + e164));
            if (bindings.find(tx, e164).filter(b -> b.status() == Binding.Status.CONFIRMED).isPresent()) {
                throw new ConflictException("number " + e164 + " is already reported with a confirmed holder");
            }
            EndUser endUser;
            try {
                endUser = endUsers.prepare(number.accountId(), submission.endUser());
            } catch (io.vpbx.admin.domain.InvalidFieldException e) {
                throw e.under("end_user");
            }
            endUsers.insert(tx, ctx, endUser);
            BindingService.Bound bound = binder.bindIn(tx, ctx, number.accountId(), e164,
                    new BindingService.BindRequest(endUser.id(), null, submission.billing()));
            RegistryRequest confirmed = registry.confirmSelfSubmitted(tx, ctx, bound.request());
            Binding binding = bindings.find(tx, e164).orElseThrow();
            return new Outcome(endUser, binding, confirmed);
        });
    }
}
