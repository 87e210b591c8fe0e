package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.LifecycleEvent;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.domain.lifecycle.Suspension;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.DocumentFileStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.config.ComplianceConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance deadlines, run with the periodic maintenance on the injected clock: bindings not
 * confirmed in time block their numbers; one-way suspensions not fixed in time become full stops;
 * documents, agents' documents and authorization letters past their date suspend the holder's numbers, with
 * reminders before ({@link ExpiryCheck}); personal data of end users who hold no number any more, document files
 * included, is erased after the retention period.
 */
public final class ComplianceSweeper {
    private static final Logger log = LoggerFactory.getLogger(ComplianceSweeper.class);
    private static final int BATCH = 500;

    public record Swept(int blocked, int fullStopped, int documentsExpired, int anonymized) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final BindingStore bindings;
    private final EndUserStore endUsers;
    private final NumberLifecycle lifecycle;
    private final DocumentFileStore files;
    private final ExpiryCheck expiryCheck;
    private final Auditor auditor;
    private final Clock clock;
    private final ComplianceConfig config;

    public ComplianceSweeper(Transactions transactions, NumberStore numbers, BindingStore bindings, EndUserStore endUsers,
                             DocumentFileStore files, NumberLifecycle lifecycle, ExpiryCheck expiryCheck, Auditor auditor,
                             Clock clock, ComplianceConfig config) {
        this.files = files;
        this.expiryCheck = expiryCheck;
        this.transactions = transactions;
        this.numbers = numbers;
        this.bindings = bindings;
        this.endUsers = endUsers;
        this.lifecycle = lifecycle;
        this.auditor = auditor;
        this.clock = clock;
        this.config = config;
    }

    public Swept sweepOnce() {
        Swept swept = new Swept(blockPastDeadline(), fullStop(), expireDocuments(), anonymize());
        if (swept.blocked() + swept.fullStopped() + swept.documentsExpired() + swept.anonymized() > 0) {
            log.info("compliance sweep: {}", swept);
        }
        return swept;
    }

    private int blockPastDeadline() {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            RequestContext ctx = system();
            List<String> due = bindings.pastDeadline(tx, now, now.minus(config.confirmationDeadline()), BATCH);
            int blocked = 0;
            for (NumberRecord number : numbers.lock(tx, due)) {
                var next = lifecycle.next(number.state(), LifecycleEvent.CONFIRMATION_DEADLINE_PASSED);
                if (next.isEmpty()) {
                    continue;
                }
                numbers.save(tx, number.withState(next.get(), now));
                auditor.record(tx, ctx, number.accountId(), "number.blocked_unconfirmed", "number", number.e164(),
                        new Changes().field("state", number.state().wireName(), next.get().wireName()).list());
                blocked++;
            }
            return blocked;
        });
    }

    private int fullStop() {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            RequestContext ctx = system();
            int stopped = 0;
            for (NumberRecord number : numbers.lockSuspendedSince(tx, Suspension.ONE_WAY, now.minus(config.fullStopAfter()), BATCH)) {
                String reason = "identity document not fixed within " + config.fullStopAfter().toDays() + " days ("
                        + number.suspensionReason() + ")";
                numbers.save(tx, number.withSuspension(Suspension.FULL_STOP, reason, number.suspendedAt()));
                auditor.record(tx, ctx, number.accountId(), "number.full_stop", "number", number.e164(),
                        new Changes().field("suspension", "one_way", "full_stop").field("suspension_reason", number.suspensionReason(), reason).list());
                stopped++;
            }
            return stopped;
        });
    }

    private int expireDocuments() {
        return transactions.inTransaction(tx -> expiryCheck.run(tx, system(), BATCH).expired());
    }

    private int anonymize() {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            RequestContext ctx = system();
            List<EndUser> due = endUsers.dueForErasure(tx, now.minus(config.personalDataRetention()), BATCH);
            for (EndUser endUser : due) {
                endUsers.update(tx, endUser.anonymized(now));
                files.deleteAll(tx, endUser.id());
                // The audit keeps the fact, not the data.
                auditor.record(tx, ctx, endUser.accountId(), "end_user.anonymized", "end_user", endUser.id(),
                        new Changes().field("personal_data", "held", "erased").list());
            }
            return due.size();
        });
    }

    private static RequestContext system() {
        return RequestContext.system("compliance-" + UUID.randomUUID());
    }
}
