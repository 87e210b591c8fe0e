package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.compliance.DocumentExpiry;
import io.vpbx.admin.domain.compliance.DocumentFile;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.service.contacts.EmailGateway;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.DocumentFileStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The daily re-check of dated papers, for holders and agents alike: the holder's document, the agent's document and
 * the latest authorization letter. One past its date expires the holder's documents, which suspends the numbers one
 * way as a forged document does; 7 and 1 days before, the account is reminded (audit, and mail to its contact
 * address), each reminder once however often the maintenance runs.
 */
public final class ExpiryCheck {
    /** Days before an expiry when the account is reminded. */
    static final List<Integer> REMINDER_DAYS = List.of(7, 1);

    public record Checked(int expired, int reminded) {
    }

    private final EndUserStore endUsers;
    private final DocumentFileStore files;
    private final AccountStore accounts;
    private final EmailGateway email;
    private final NumberSuspensions suspensions;
    private final Auditor auditor;
    private final Clock clock;

    public ExpiryCheck(EndUserStore endUsers, DocumentFileStore files, AccountStore accounts, EmailGateway email,
                       NumberSuspensions suspensions, Auditor auditor, Clock clock) {
        this.endUsers = endUsers;
        this.files = files;
        this.accounts = accounts;
        this.email = email;
        this.suspensions = suspensions;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** Expires what is past its date and gives the reminders due today, in the caller's transaction. */
    public Checked run(Tx tx, RequestContext ctx, int limit) throws SQLException {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new Checked(expire(tx, ctx, today, now, limit), remind(tx, ctx, today, now, limit));
    }

    private int expire(Tx tx, RequestContext ctx, LocalDate today, Instant now, int limit) throws SQLException {
        Set<String> due = new LinkedHashSet<>();
        endUsers.withExpiredDocuments(tx, today, limit).forEach(u -> due.add(u.id()));
        due.addAll(files.lettersExpiring(tx, today, false, limit));
        int expired = 0;
        for (String id : due) {
            Optional<EndUser> found = endUsers.lockInAnyAccount(tx, id);
            if (found.isEmpty() || found.get().documentStatus() != DocumentStatus.VALID) {
                continue;
            }
            EndUser before = found.get();
            Optional<DocumentExpiry.Dated> past = papers(tx, before).expiredOn(today);
            if (past.isEmpty()) {
                continue;
            }
            EndUser after = before.withDocumentStatus(DocumentStatus.EXPIRED, past.get().words(), now);
            endUsers.update(tx, after);
            auditor.record(tx, ctx, before.accountId(), "end_user.document_expired", "end_user", before.id(), new Changes()
                    .field("document_status", "valid", "expired")
                    .field("expired", null, past.get().subject() + " " + past.get().expiresOn()).list());
            suspensions.documentStatusChanged(tx, ctx, before, after);
            expired++;
        }
        return expired;
    }

    private int remind(Tx tx, RequestContext ctx, LocalDate today, Instant now, int limit) throws SQLException {
        int reminded = 0;
        for (int days : REMINDER_DAYS) {
            LocalDate day = today.plusDays(days);
            Set<String> due = new LinkedHashSet<>();
            endUsers.withDocumentsExpiringOn(tx, day, limit).forEach(u -> due.add(u.id()));
            due.addAll(files.lettersExpiring(tx, day, true, limit));
            for (String id : due) {
                Optional<EndUser> endUser = endUsers.lockInAnyAccount(tx, id);
                if (endUser.isEmpty()) {
                    continue;
                }
                for (DocumentExpiry.Dated dated : papers(tx, endUser.get()).expiringOn(day)) {
                    if (files.remindOnce(tx, id, dated.subject(), day, days, now)) {
                        remind(tx, ctx, endUser.get(), dated, days);
                        reminded++;
                    }
                }
            }
        }
        return reminded;
    }

    private void remind(Tx tx, RequestContext ctx, EndUser endUser, DocumentExpiry.Dated dated, int days) throws SQLException {
        auditor.record(tx, ctx, endUser.accountId(), "end_user.expiry_reminder", "end_user", endUser.id(), new Changes()
                .field("subject", null, dated.subject())
                .field("expires_on", null, dated.expiresOn().toString())
                .field("days_before", null, Integer.toString(days)).list());
        String to = accounts.find(tx, endUser.accountId()).map(account -> account.contactEmail()).orElse(null);
        if (to != null) {
            email.send(tx, to, "A document on record expires in " + days + (days == 1 ? " day" : " days"), "The "
                    + dated.subject().replace('_', ' ') + " of end user " + endUser.id() + " expires on " + dated.expiresOn()
                    + ". Renew it before then: after that day the end user's numbers are suspended one way (calls in only).");
        }
    }

    private DocumentExpiry papers(Tx tx, EndUser endUser) throws SQLException {
        LocalDate letter = endUser.agentFullName() == null ? null
                : files.latest(tx, endUser.id(), DocumentFile.Purpose.AUTHORIZATION_LETTER).map(DocumentFile::expiresOn).orElse(null);
        return DocumentExpiry.of(endUser, letter);
    }
}
