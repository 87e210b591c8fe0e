package io.vpbx.admin.service.numbers;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.OwnedNumbersQuery;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sets forwarding, fallback or comment on many numbers at once, chosen by list or by filter, in one
 * transaction: every number changes or none does. A dry run computes the same per-number diff and
 * changes nothing.
 */
public final class BulkChangeService {
    public static final int MAX_NUMBERS = 10_000;

    /** The numbers a bulk change applies to: an explicit list, or a filter over the account's numbers. */
    public record Selection(List<String> numbers, OwnedNumbersQuery filter) {
    }

    /** One number's changes. */
    public record NumberDiff(String number, List<FieldChange> changes) {
    }

    public record Outcome(boolean dryRun, int matched, int changed, List<NumberDiff> diffs) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final ForwardingReferences references;
    private final NumberInputs inputs;
    private final SettingsDiff diff;
    private final Auditor auditor;
    private final TargetHosts hosts;

    public BulkChangeService(Transactions transactions, NumberStore numbers, ForwardingReferences references,
                             NumberInputs inputs, SettingsDiff diff, Auditor auditor, TargetHosts hosts) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.references = references;
        this.inputs = inputs;
        this.diff = diff;
        this.auditor = auditor;
        this.hosts = hosts;
    }

    public Outcome apply(RequestContext ctx, Selection selection, SettingsPatch patch, boolean dryRun) {
        String accountId = ctx.accountId();
        if (patch.isEmpty()) {
            throw new InvalidFieldException("set", "must set at least one of forwarding, fallback, comment");
        }
        if ((selection.numbers() == null) == (selection.filter() == null)) {
            throw new InvalidFieldException("numbers", "give either numbers or filter, not both or neither");
        }
        List<String> listed = selection.numbers() == null ? null : inputs.list("numbers", selection.numbers(), MAX_NUMBERS);
        if (patch.setsForwarding() && patch.forwarding() != null) {
            hosts.check("set.forwarding", patch.forwarding());
        }
        return transactions.inTransaction(tx -> {
            List<NumberRecord> targets = listed != null ? lockListed(tx, accountId, listed) : lockFiltered(tx, selection.filter());
            if (patch.setsFallback() && patch.fallback() != null) {
                references.checkFallback(tx, accountId, "set.fallback", patch.fallback());
            }
            List<NumberDiff> diffs = new ArrayList<>();
            for (NumberRecord before : targets) {
                if (patch.setsForwarding() && patch.forwarding() != null) {
                    references.check(tx, accountId, before.e164(), "set.forwarding", patch.forwarding());
                }
                NumberRecord after = patch.applyTo(before);
                List<FieldChange> changes = diff.between(before, after);
                diffs.add(new NumberDiff(before.e164(), changes));
                if (!dryRun && !changes.isEmpty()) {
                    numbers.save(tx, after);
                    auditor.record(tx, ctx, accountId, "number.bulk_updated", "number", before.e164(), changes);
                }
            }
            int changed = (int) diffs.stream().filter(d -> !d.changes().isEmpty()).count();
            return new Outcome(dryRun, targets.size(), changed, diffs);
        });
    }

    private List<NumberRecord> lockListed(Tx tx, String accountId, List<String> e164s) throws SQLException {
        List<NumberRecord> locked = numbers.lock(tx, e164s).stream()
                .filter(r -> accountId.equals(r.accountId()))
                .toList();
        Set<String> usable = locked.stream().filter(r -> r.state().isOwned()).map(NumberRecord::e164).collect(Collectors.toSet());
        List<String> blockers = e164s.stream().filter(n -> !usable.contains(n)).map(n -> n + " is not a number in service in this account").toList();
        if (!blockers.isEmpty()) {
            throw new ConflictException("nothing was changed: some numbers cannot be changed", blockers);
        }
        return locked;
    }

    private List<NumberRecord> lockFiltered(Tx tx, OwnedNumbersQuery filter) throws SQLException {
        OwnedNumbersQuery bounded = new OwnedNumbersQuery(filter.accountId(), filter.state(), filter.type(), filter.category(),
                filter.contains(), filter.forwardingKind(), filter.commentContains(), null, MAX_NUMBERS + 1);
        List<NumberRecord> matched = numbers.listOwned(tx, bounded);
        if (matched.size() > MAX_NUMBERS) {
            throw new InvalidFieldException("filter", "matches more than " + MAX_NUMBERS + " numbers; narrow it");
        }
        if (matched.isEmpty()) {
            throw new InvalidFieldException("filter", "matches no numbers of this account");
        }
        return numbers.lock(tx, matched.stream().map(NumberRecord::e164).toList()).stream()
                .filter(r -> r.state().isOwned()).toList();
    }
}
