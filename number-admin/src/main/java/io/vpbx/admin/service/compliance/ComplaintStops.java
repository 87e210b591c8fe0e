package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.ComplaintStop;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.service.contacts.EmailGateway;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The operator stops a number at once on a complaint (harassment, fraud), and lifts the stop: operator only, any
 * number an account holds. Both are audited on the account (which reads its audit) and mailed to the account's
 * contact address when it has one; the routing table follows the audited change, so calls are refused before the
 * API answers.
 */
public final class ComplaintStops {
    public static final String STOPPED_SUBJECT = "A number of yours was stopped on a complaint";
    public static final String LIFTED_SUBJECT = "The complaint stop on a number of yours was lifted";

    /** The stop as the operator asks for it. */
    public record StopRequest(String ground, String reason, String reference) {
    }

    /** Why the stop is lifted (the complaint was withdrawn, the account answered it). */
    public record LiftRequest(String reason) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final AccountStore accounts;
    private final EmailGateway email;
    private final Auditor auditor;
    private final Clock clock;

    public ComplaintStops(Transactions transactions, NumberStore numbers, AccountStore accounts, EmailGateway email,
                          Auditor auditor, Clock clock) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.accounts = accounts;
        this.email = email;
        this.auditor = auditor;
        this.clock = clock;
    }

    public NumberRecord stop(RequestContext ctx, String e164, StopRequest request) {
        ctx.requireOperator();
        if (request == null) {
            throw new io.vpbx.admin.domain.InvalidFieldException("body", "is required: ground, reason and reference");
        }
        ComplaintStop stop = ComplaintStop.of(request.ground(), request.reason(), request.reference(), StoredTime.now(clock));
        return transactions.inTransaction(tx -> {
            NumberRecord before = held(tx, e164);
            if (before.complaintStop() != null) {
                throw new ConflictException("number " + e164 + " is already stopped on complaint " + before.complaintStop().reference()
                        + "; lift it first to record another");
            }
            NumberRecord after = before.withComplaintStop(stop);
            numbers.save(tx, after);
            auditor.record(tx, ctx, before.accountId(), "number.complaint_stopped", "number", e164, new Changes()
                    .field("complaint_ground", null, stop.ground().wireName())
                    .field("complaint_reason", null, stop.reason())
                    .field("complaint_reference", null, stop.reference()).list());
            tell(tx, before.accountId(), STOPPED_SUBJECT, "The operator stopped your number " + e164 + " on a complaint ("
                    + stop.ground().wireName() + ", reference " + stop.reference() + "): " + stop.reason()
                    + ". Calls to and from it are refused until the operator lifts the stop.");
            return after;
        });
    }

    public NumberRecord lift(RequestContext ctx, String e164, LiftRequest request) {
        ctx.requireOperator();
        String reason = FreeText.present("reason", request == null ? null : request.reason(), ComplaintStop.MAX_REASON_LENGTH);
        return transactions.inTransaction(tx -> {
            NumberRecord before = held(tx, e164);
            ComplaintStop stop = before.complaintStop();
            if (stop == null) {
                throw new ConflictException("number " + e164 + " is not stopped on a complaint");
            }
            NumberRecord after = before.withComplaintStop(null);
            numbers.save(tx, after);
            auditor.record(tx, ctx, before.accountId(), "number.complaint_stop_lifted", "number", e164, new Changes()
                    .field("complaint_ground", stop.ground().wireName(), null)
                    .field("complaint_reference", stop.reference(), null)
                    .field("lift_reason", null, reason).list());
            tell(tx, before.accountId(), LIFTED_SUBJECT, "The operator lifted the stop on your number " + e164
                    + " (complaint " + stop.reference() + "): " + reason + ". Calls are allowed again as its state permits.");
            return after;
        });
    }

    /** Numbers on the shelf belong to no one: a complaint is about a number someone holds. */
    private NumberRecord held(Tx tx, String e164) throws SQLException {
        List<NumberRecord> locked = numbers.lock(tx, List.of(e164));
        if (locked.isEmpty() || locked.get(0).accountId() == null) {
            throw new NotFoundException("number " + e164 + " held by an account");
        }
        return locked.get(0);
    }

    private void tell(Tx tx, String accountId, String subject, String body) throws SQLException {
        String to = accounts.find(tx, accountId).map(account -> account.contactEmail()).orElse(null);
        if (to != null) {
            email.send(tx, to, subject, body);
        }
    }
}
