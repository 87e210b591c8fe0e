package io.vpbx.admin.service.numbers;

import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingSchedule;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Drops other accounts' forwardings to a number when its holder lets it go or withdraws consent: one account
 * never blocks another. Each dropped forwarding is cleared (the number's fallback answers its calls) and
 * noted in its own account's audit log as done by the platform, saying nothing about the other account;
 * the audit entry also brings the routing table up to date (ADR 0005).
 */
public final class ForeignForwardings {
    static final String REASON = "the target number no longer accepts forwarding from this account";

    private final NumberStore numbers;
    private final SettingsDiff diff;
    private final Auditor auditor;

    public ForeignForwardings(NumberStore numbers, SettingsDiff diff, Auditor auditor) {
        this.numbers = numbers;
        this.diff = diff;
        this.auditor = auditor;
    }

    /**
     * Drops every forwarding to {@code e164} (a number being disconnected: the account's own forwardings to it
     * already refused the disconnect, so those left are other accounts').
     */
    public int dropAll(Tx tx, RequestContext ctx, String e164) throws SQLException {
        return drop(tx, ctx, e164, accountId -> true);
    }

    /** Drops the forwardings to {@code e164} from numbers of {@code fromAccountId}. */
    public int dropFrom(Tx tx, RequestContext ctx, String e164, String fromAccountId) throws SQLException {
        return drop(tx, ctx, e164, fromAccountId::equals);
    }

    private int drop(Tx tx, RequestContext ctx, String e164, Predicate<String> fromAccount) throws SQLException {
        List<String> users = new ArrayList<>();
        for (NumberUser user : numbers.forwardingUsers(tx, e164)) {
            if (user.accountId() != null && fromAccount.test(user.accountId())) {
                users.add(user.id());
            }
        }
        if (users.isEmpty()) {
            return 0;
        }
        RequestContext platform = RequestContext.system(ctx.requestId());
        int dropped = 0;
        for (NumberRecord before : numbers.lock(tx, users)) {
            if (before.forwarding() == null || before.accountId() == null || !fromAccount.test(before.accountId())) {
                continue;
            }
            Forwarding forwarding = before.forwarding();
            Forwarding kept;
            if (isTo(forwarding.target(), e164)) {
                kept = null;
            } else if (forwarding.schedule() != null && isTo(forwarding.schedule().closedTarget(), e164)) {
                // only the closed hours went there: they go to the fallback now, open hours keep their target
                kept = new Forwarding(forwarding.target(), forwarding.ringTimeoutSeconds(),
                        new ForwardingSchedule(forwarding.schedule().scheduleId(), null));
            } else {
                continue;
            }
            NumberRecord after = before.withSettings(before.comment(), kept, before.fallback());
            numbers.save(tx, after);
            List<FieldChange> changes = new ArrayList<>(diff.between(before, after));
            changes.addAll(new Changes().field("reason", null, REASON).list());
            auditor.record(tx, platform, before.accountId(), "number.forwarding_dropped", "number", before.e164(), changes);
            dropped++;
        }
        return dropped;
    }

    private static boolean isTo(ForwardingTarget target, String e164) {
        return target instanceof ForwardingTarget.PlatformPbx p && p.number().equals(e164);
    }
}
