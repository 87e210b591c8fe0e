package io.vpbx.admin.service.contacts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.contact.ContactChangeStatus;
import io.vpbx.admin.domain.contact.ContactCodes;
import io.vpbx.admin.domain.contact.ContactHolderKind;
import io.vpbx.admin.domain.contact.ContactNotices;
import io.vpbx.admin.domain.contact.ContactPhoneChange;
import io.vpbx.admin.domain.contact.HolderContact;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.ContactChangeStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import io.vpbx.config.ContactConfig;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changing a holder's contact phone: a code goes to the old phone and another to the new one, and the
 * change is made only when both come back before they expire, within a few attempts. Without the old
 * phone, the operator may vouch for the holder instead (audited with the operator's note). Every change
 * is announced to the old phone and the email on file; one within 24 hours of the previous is flagged.
 * A refusal that spends an attempt or ends the change is committed before it is answered.
 */
public final class ContactPhoneChanges {
    public static final Duration REPEAT_WINDOW = Duration.ofHours(24);
    public static final String REPEAT_WARNING = "second contact-phone change within 24 hours";
    public static final int MAX_NOTE_LENGTH = 500;
    public static final String METRIC = "vpbx.contact_phone.changes";
    private static final Logger log = LoggerFactory.getLogger(ContactPhoneChanges.class);
    private static final List<String> OUTCOMES = List.of("started", "flagged", "completed", "wrong_code", "locked", "expired",
            "refused", "operator_verified");

    /** What a start request names; unchecked. */
    public record Start(String holder, String endUserId, String newPhone) {
    }

    /** The codes given back; {@code toString} keeps them out of logs. */
    public record Confirmation(String oldCode, String newCode) {
        @Override
        public String toString() {
            return "Confirmation[oldCode=" + (oldCode == null ? null : "hidden") + ", newCode=" + (newCode == null ? null : "hidden") + "]";
        }
    }

    /** A holder's history; {@code accountId} is for the operator, an account reads its own. */
    public record HistoryQuery(String accountId, String holder, String endUserId, ContactChangeStore.Cursor after, int limit) {
    }

    private record Holder(ContactHolderKind kind, String id, ContactHolders contacts) {
        String describe() {
            return kind.wireName().replace('_', ' ') + " " + id;
        }
    }

    /** How a change request ended: a change, or a refusal to answer once the transaction committed. */
    private record Verdict(ContactPhoneChange change, RuntimeException refusal, String outcome) {
        ContactPhoneChange orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return change;
        }
    }

    private final Transactions transactions;
    private final ContactChangeStore store;
    private final Map<ContactHolderKind, ContactHolders> holders;
    private final ContactCodes codes;
    private final SmsGateway sms;
    private final EmailGateway email;
    private final NumberInputs inputs;
    private final Auditor auditor;
    private final Clock clock;
    private final ContactConfig config;
    private final Map<String, Counter> outcomes = new HashMap<>();

    public ContactPhoneChanges(Transactions transactions, ContactChangeStore store, Map<ContactHolderKind, ContactHolders> holders,
                               ContactCodes codes, SmsGateway sms, EmailGateway email, NumberInputs inputs, Auditor auditor,
                               Clock clock, ContactConfig config, MeterRegistry registry) {
        this.transactions = transactions;
        this.store = store;
        this.holders = Map.copyOf(holders);
        this.codes = codes;
        this.sms = sms;
        this.email = email;
        this.inputs = inputs;
        this.auditor = auditor;
        this.clock = clock;
        this.config = config;
        for (String outcome : OUTCOMES) {
            outcomes.put(outcome, Counter.builder(METRIC).description("contact-phone change requests by outcome")
                    .tag("outcome", outcome).register(registry));
        }
    }

    /** Sends the two codes; refused while another change of the holder is pending. */
    public ContactPhoneChange start(RequestContext ctx, Start request) {
        String accountId = ctx.accountId();
        Holder holder = holder(accountId, request.holder(), request.endUserId());
        String newPhone = inputs.one("new_phone", request.newPhone());
        String oldCode = codes.newCode();
        String newCode = codes.newCode();
        String salt = codes.newSalt();
        ContactPhoneChange started = transactions.inTransaction(tx -> {
            HolderContact contact = holder.contacts().lock(tx, accountId, holder.id())
                    .orElseThrow(() -> new NotFoundException(holder.describe()));
            if (newPhone.equals(contact.phone())) {
                throw new InvalidFieldException("new_phone", "is already the contact phone");
            }
            Instant now = clock.instant();
            Optional<ContactPhoneChange> pending = store.findPending(tx, accountId, holder.kind(), holder.id());
            if (pending.isPresent() && !pending.get().expiredAt(now)) {
                throw new ConflictException("a contact-phone change of this " + holder.kind().wireName().replace('_', ' ')
                        + " is pending until " + pending.get().expiresAt() + "; confirm it or let it expire", List.of(pending.get().id()));
            }
            if (pending.isPresent()) {
                store.update(tx, pending.get().withStatus(ContactChangeStatus.EXPIRED));
            }
            boolean repeated = store.lastCompletedAt(tx, accountId, holder.kind(), holder.id())
                    .filter(last -> last.isAfter(now.minus(REPEAT_WINDOW))).isPresent();
            ContactPhoneChange change = new ContactPhoneChange(UUID.randomUUID().toString(), holder.kind(), holder.id(), accountId,
                    contact.phone(), newPhone,
                    contact.phone() == null ? null : ContactCodes.hash(salt, ContactCodes.Target.OLD_PHONE, oldCode),
                    ContactCodes.hash(salt, ContactCodes.Target.NEW_PHONE, newCode), salt, config.codeAttempts(),
                    now.plus(config.codeTtl()), ContactChangeStatus.PENDING, null, now, null, repeated, repeated ? REPEAT_WARNING : null);
            store.create(tx, change);
            if (contact.phone() != null) {
                sms.send(tx, contact.phone(), ContactNotices.codeForOldPhone(oldCode, newPhone, config.codeTtl()));
            }
            sms.send(tx, newPhone, ContactNotices.codeForNewPhone(newCode, config.codeTtl()));
            auditor.record(tx, ctx, accountId, "contact_phone_change.started", "contact_phone_change", change.id(), new Changes()
                    .field("holder", null, holder.kind().wireName() + "/" + holder.id())
                    .field("new_phone", null, newPhone)
                    .field("expires_at", null, change.expiresAt().toString())
                    .field("flag", null, change.flagReason()).list());
            return change;
        });
        count(started.flagged() ? "flagged" : "started");
        if (started.flagged()) {
            log.warn("contact phone of {} in account {}: {} (change {})", holder.describe(), accountId, REPEAT_WARNING, started.id());
        }
        return started;
    }

    /** Makes the change when both codes match (only the new one after operator verification). */
    public ContactPhoneChange confirm(RequestContext ctx, String changeId, Confirmation given) {
        String accountId = ctx.accountId();
        Verdict verdict = transactions.inTransaction(tx -> {
            ContactPhoneChange seen = store.find(tx, changeId).filter(c -> c.accountId().equals(accountId))
                    .orElseThrow(() -> new NotFoundException("contact-phone change " + changeId));
            ContactHolders contacts = holders.get(seen.holderKind());
            if (contacts == null) {
                throw new ConflictException(seen.holderKind().wireName() + " holders are not supported any more");
            }
            // The holder first, then the change: the order start takes, so the two never wait on each other.
            Optional<HolderContact> contact = contacts.lock(tx, accountId, seen.holderId());
            ContactPhoneChange change = store.lock(tx, changeId).orElseThrow();
            Verdict closed = closedOrExpired(tx, change);
            if (closed != null) {
                return closed;
            }
            boolean needsOldCode = !change.operatorVerified();
            if (needsOldCode && change.oldPhone() == null) {
                throw new ConflictException("there was no contact phone to send a code to; the operator must verify this change first");
            }
            if (needsOldCode) {
                requireWellFormed("old_code", given.oldCode());
            }
            requireWellFormed("new_code", given.newCode());
            boolean oldMatches = !needsOldCode
                    || ContactCodes.matches(change.salt(), ContactCodes.Target.OLD_PHONE, given.oldCode(), change.oldCodeHash());
            boolean newMatches = ContactCodes.matches(change.salt(), ContactCodes.Target.NEW_PHONE, given.newCode(), change.newCodeHash());
            if (!oldMatches || !newMatches) {
                return wrongCode(tx, change, oldMatches ? "new_code" : "old_code");
            }
            HolderContact current = contact.orElseThrow(() -> new NotFoundException(change.holderKind().wireName() + " " + change.holderId()));
            if (!Objects.equals(current.phone(), change.oldPhone())) {
                store.update(tx, change.withStatus(ContactChangeStatus.CANCELLED));
                return new Verdict(null, new ConflictException("the contact phone changed after this change started; start a new one"),
                        "refused");
            }
            return new Verdict(complete(tx, ctx, change, current, contacts), null, "completed");
        });
        count(verdict.outcome());
        return verdict.orThrow();
    }

    /** The operator vouches for the holder, who lost the old phone: confirming then needs only the new code. */
    public ContactPhoneChange verifyByOperator(RequestContext ctx, String changeId, String note) {
        ctx.requireOperator();
        String trimmed = note == null ? "" : note.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NOTE_LENGTH) {
            throw new InvalidFieldException("note", "must say how the holder was verified, 1.." + MAX_NOTE_LENGTH + " characters");
        }
        Verdict verdict = transactions.inTransaction(tx -> {
            ContactPhoneChange change = store.lock(tx, changeId)
                    .orElseThrow(() -> new NotFoundException("contact-phone change " + changeId));
            Verdict closed = closedOrExpired(tx, change);
            if (closed != null) {
                return closed;
            }
            if (change.operatorVerified()) {
                throw new ConflictException("contact-phone change " + changeId + " is already verified by " + change.operatorVerifiedBy());
            }
            String actor = ctx.principal().actor();
            ContactPhoneChange verified = change.withOperatorVerification(actor);
            store.update(tx, verified);
            auditor.record(tx, ctx, change.accountId(), "contact_phone_change.operator_verified", "contact_phone_change", change.id(),
                    new Changes().field("operator_verified_by", null, actor).field("note", null, trimmed).list());
            return new Verdict(verified, null, "operator_verified");
        });
        count(verdict.outcome());
        return verdict.orThrow();
    }

    public List<ContactPhoneChange> history(RequestContext ctx, HistoryQuery query) {
        String accountId = scopedAccount(ctx, query.accountId());
        Holder holder = holder(accountId, query.holder(), query.endUserId());
        return transactions.inTransaction(tx -> store.history(tx, accountId, holder.kind(), holder.id(), query.after(), query.limit()));
    }

    private ContactPhoneChange complete(Tx tx, RequestContext ctx, ContactPhoneChange change, HolderContact current,
                                        ContactHolders contacts) throws SQLException {
        Instant now = clock.instant();
        contacts.changePhone(tx, change.accountId(), change.holderId(), change.newPhone());
        ContactPhoneChange done = change.completed(now);
        store.update(tx, done);
        String notice = ContactNotices.changed(change.newPhone(), now, change.flagged());
        if (current.phone() != null) {
            sms.send(tx, current.phone(), notice);
        }
        if (current.email() != null) {
            email.send(tx, current.email(), ContactNotices.CHANGED_SUBJECT, notice);
        }
        String proof = change.operatorVerified() ? "operator " + change.operatorVerifiedBy() + " and new_code" : "old_code and new_code";
        auditor.record(tx, ctx, change.accountId(), "contact_phone.changed", change.holderKind().wireName(), change.holderId(),
                new Changes().field("contact_phone", current.phone(), change.newPhone())
                        .field("contact_phone_change", null, change.id())
                        .field("verified_by", null, proof)
                        .field("flag", null, change.flagReason()).list());
        return done;
    }

    /** A refusal when the change no longer takes codes; an expired one is marked so on the way. */
    private Verdict closedOrExpired(Tx tx, ContactPhoneChange change) throws SQLException {
        if (change.status() != ContactChangeStatus.PENDING) {
            return new Verdict(null, new ConflictException("contact-phone change " + change.id() + " is "
                    + change.status().wireName() + "; start a new one"), "refused");
        }
        if (change.expiredAt(clock.instant())) {
            store.update(tx, change.withStatus(ContactChangeStatus.EXPIRED));
            return new Verdict(null, new ConflictException("contact-phone change " + change.id() + " expired at "
                    + change.expiresAt() + "; start a new one"), "expired");
        }
        return null;
    }

    private Verdict wrongCode(Tx tx, ContactPhoneChange change, String field) throws SQLException {
        ContactPhoneChange spent = change.withWrongAttempt();
        store.update(tx, spent);
        if (spent.status() == ContactChangeStatus.LOCKED) {
            return new Verdict(spent, new InvalidFieldException(field,
                    "does not match; no attempts left, the change is locked: start a new one"), "locked");
        }
        return new Verdict(spent, new InvalidFieldException(field, "does not match; " + spent.attemptsLeft()
                + (spent.attemptsLeft() == 1 ? " attempt" : " attempts") + " left"), "wrong_code");
    }

    private Holder holder(String accountId, String kindText, String endUserId) {
        if (kindText == null || kindText.isBlank()) {
            throw new InvalidFieldException("holder", "is required: account or end_user");
        }
        ContactHolderKind kind;
        try {
            kind = ContactHolderKind.fromWire(kindText.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("holder", "must be account or end_user, got '" + kindText + "'");
        }
        ContactHolders contacts = holders.get(kind);
        if (contacts == null) {
            throw new InvalidFieldException("holder", kind.wireName() + " is not supported yet");
        }
        if (kind == ContactHolderKind.ACCOUNT) {
            if (endUserId != null) {
                throw new InvalidFieldException("end_user_id", "is only for holder end_user");
            }
            return new Holder(kind, accountId, contacts);
        }
        if (endUserId == null || endUserId.isBlank()) {
            throw new InvalidFieldException("end_user_id", "is required when holder is end_user");
        }
        return new Holder(kind, endUserId.trim(), contacts);
    }

    private static String scopedAccount(RequestContext ctx, String requested) {
        if (ctx.principal().isOperator()) {
            if (requested == null) {
                throw new InvalidFieldException("account_id", "is required when the operator reads a holder's history");
            }
            return requested;
        }
        String own = ctx.accountId();
        if (requested != null && !requested.equals(own)) {
            throw new NotFoundException("account " + requested);
        }
        return own;
    }

    private static void requireWellFormed(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!ContactCodes.wellFormed(code)) {
            throw new InvalidFieldException(field, "must be the " + ContactCodes.DIGITS + " digits of the code sent by SMS");
        }
    }

    private void count(String outcome) {
        outcomes.get(outcome).increment();
    }
}
