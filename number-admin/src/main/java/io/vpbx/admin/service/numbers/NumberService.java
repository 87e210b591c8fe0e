package io.vpbx.admin.service.numbers;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.OwnedNumbersQuery;
import io.vpbx.admin.domain.lifecycle.LifecycleEvent;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An account's own numbers: reading, commenting, forwarding and fallback, disconnecting. */
public final class NumberService {
    private final Transactions transactions;
    private final NumberStore numbers;
    private final NumberLifecycle lifecycle;
    private final ForwardingReferences references;
    private final InUseGuard inUse;
    private final List<NumberReleaseHook> releaseHooks;
    private final SettingsDiff diff;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration quarantine;
    private final TargetHosts hosts;

    public NumberService(Transactions transactions, NumberStore numbers, NumberLifecycle lifecycle,
                         ForwardingReferences references, InUseGuard inUse, List<NumberReleaseHook> releaseHooks, SettingsDiff diff, Auditor auditor,
                         Clock clock, Duration quarantine, TargetHosts hosts) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.lifecycle = lifecycle;
        this.references = references;
        this.inUse = inUse;
        this.releaseHooks = List.copyOf(releaseHooks);
        this.diff = diff;
        this.auditor = auditor;
        this.clock = clock;
        this.quarantine = quarantine;
        this.hosts = hosts;
    }

    /** A number the caller holds (or any number, for the operator); others are "not found". */
    public NumberRecord get(RequestContext ctx, String e164) {
        return transactions.inTransaction(tx -> numbers.find(tx, e164))
                .filter(record -> visible(ctx, record))
                .orElseThrow(() -> new NotFoundException("number " + e164));
    }

    public List<NumberRecord> list(RequestContext ctx, OwnedNumbersQuery query) {
        if (!query.accountId().equals(ctx.accountId())) {
            throw new NotFoundException("account " + query.accountId());
        }
        return transactions.inTransaction(tx -> numbers.listOwned(tx, query));
    }

    public NumberRecord update(RequestContext ctx, String e164, SettingsPatch patch) {
        String accountId = ctx.accountId();
        if (patch.setsForwarding() && patch.forwarding() != null) {
            hosts.check("forwarding", patch.forwarding());
        }
        return transactions.inTransaction(tx -> {
            NumberRecord before = lockOwned(tx, accountId, e164);
            if (patch.setsForwarding() && patch.forwarding() != null) {
                references.check(tx, accountId, e164, "forwarding", patch.forwarding());
            }
            if (patch.setsFallback() && patch.fallback() != null) {
                references.checkFallback(tx, accountId, "fallback", patch.fallback());
            }
            NumberRecord after = patch.applyTo(before);
            List<FieldChange> changes = diff.between(before, after);
            if (!changes.isEmpty()) {
                numbers.save(tx, after);
                auditor.record(tx, ctx, accountId, "number.updated", "number", e164, changes);
            }
            return after;
        });
    }

    /** Refused with 409 while something uses the number; otherwise quarantined, its settings cleared. */
    public NumberRecord disconnect(RequestContext ctx, String e164) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> {
            NumberRecord before = lockOwned(tx, accountId, e164);
            inUse.requireUnused(tx, accountId, e164, "number " + e164);
            Instant now = clock.instant();
            NumberRecord after = before.withSettings(null, null, null)
                    .withState(lifecycle.apply(before.state(), LifecycleEvent.DISCONNECT), now)
                    .withQuarantineUntil(now.plus(quarantine));
            numbers.save(tx, after);
            for (NumberReleaseHook hook : releaseHooks) {
                hook.released(tx, e164, now);
            }
            List<FieldChange> changes = new ArrayList<>(new Changes()
                    .field("state", before.state().wireName(), after.state().wireName())
                    .field("quarantine_until", null, after.quarantineUntil().toString()).list());
            changes.addAll(diff.between(before, after));
            auditor.record(tx, ctx, accountId, "number.disconnected", "number", e164, changes);
            return after;
        });
    }

    private NumberRecord lockOwned(Tx tx, String accountId, String e164) throws SQLException {
        NumberRecord record = numbers.lock(tx, List.of(e164)).stream().findFirst()
                .filter(r -> accountId.equals(r.accountId()))
                .orElseThrow(() -> new NotFoundException("number " + e164));
        if (!record.state().isOwned()) {
            throw new ConflictException("number " + e164 + " is " + record.state().wireName() + ", not in service");
        }
        return record;
    }

    private static boolean visible(RequestContext ctx, NumberRecord record) {
        if (ctx.principal().isOperator()) {
            return true;
        }
        return ctx.principal().accountId().equals(record.accountId());
    }
}
