package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.Suspension;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * China's real-name rule, applied to every number of a holder: a document found expired, forged or
 * unverifiable suspends the numbers one way at once (calls in, none out); a fixed document restores them.
 * The full stop after the grace period is the {@link ComplianceSweeper}'s.
 */
public final class NumberSuspensions implements DocumentStatusListener {
    private final NumberStore numbers;
    private final BindingStore bindings;
    private final Auditor auditor;
    private final Clock clock;

    public NumberSuspensions(NumberStore numbers, BindingStore bindings, Auditor auditor, Clock clock) {
        this.numbers = numbers;
        this.bindings = bindings;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** The end user's own change is audited with its actor; the numbers' consequences are the platform's. */
    @Override
    public void statusChanged(Tx tx, EndUser before, EndUser after) throws SQLException {
        documentStatusChanged(tx, RequestContext.system("document-status-" + after.id()), before, after);
    }

    public void documentStatusChanged(Tx tx, RequestContext ctx, EndUser before, EndUser after) throws SQLException {
        boolean wasValid = before == null || before.documentStatus() == DocumentStatus.VALID;
        boolean isValid = after.documentStatus() == DocumentStatus.VALID;
        if (wasValid == isValid) {
            return;
        }
        Instant now = clock.instant();
        List<String> held = bindings.byHolder(tx, Binding.HolderType.END_USER, after.id()).stream().map(Binding::e164).toList();
        for (NumberRecord number : numbers.lock(tx, held)) {
            NumberRecord changed;
            if (isValid) {
                if (number.suspension() == Suspension.NONE) {
                    continue;
                }
                changed = number.withSuspension(Suspension.NONE, null, null);
            } else {
                if (number.suspension() != Suspension.NONE) {
                    continue;
                }
                String reason = "identity document " + after.documentStatus().wireName()
                        + (after.documentStatusReason() == null ? "" : ": " + after.documentStatusReason());
                changed = number.withSuspension(Suspension.ONE_WAY, reason, now);
            }
            numbers.save(tx, changed);
            auditor.record(tx, ctx, number.accountId(), isValid ? "number.suspension_lifted" : "number.suspended", "number",
                    number.e164(), new Changes().field("suspension", number.suspension().wireName(), changed.suspension().wireName())
                            .field("suspension_reason", number.suspensionReason(), changed.suspensionReason()).list());
        }
    }
}
