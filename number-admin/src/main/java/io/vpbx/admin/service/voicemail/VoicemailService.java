package io.vpbx.admin.service.voicemail;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.voicemail.MailDelivery;
import io.vpbx.admin.domain.voicemail.Voicemail;
import io.vpbx.admin.domain.voicemail.VoicemailQuery;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.events.EventSink;
import io.vpbx.admin.service.events.NewEvent;
import io.vpbx.admin.domain.event.EventType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.MailQueueStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.VoicemailStore;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An account's voicemails: stored from the call side with one queued mail per recipient (one transaction, so a
 * message is never stored without its deliveries nor queued without its recording), listed and played by the
 * account, marked heard, deleted (both audited), and deleted by the maintenance once older than
 * {@code voicemail.retention}. The operator has no voicemail of its own and reads none.
 */
public final class VoicemailService {
    /** Messages deleted per retention transaction. */
    static final int SWEEP_BATCH = 500;
    private static final int MAX_CALLER = 255;

    private final Transactions transactions;
    private final VoicemailStore voicemails;
    private final MailQueueStore queue;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration retention;
    private final EventSink events;

    public VoicemailService(Transactions transactions, VoicemailStore voicemails, MailQueueStore queue, Auditor auditor, Clock clock,
                            Duration retention) {
        this(transactions, voicemails, queue, auditor, clock, retention, EventSink.NONE);
    }

    /** {@code events}: where voicemail.created is recorded, in the transaction that stores the message. */
    public VoicemailService(Transactions transactions, VoicemailStore voicemails, MailQueueStore queue, Auditor auditor, Clock clock,
                            Duration retention, EventSink events) {
        this.events = events;
        this.transactions = transactions;
        this.voicemails = voicemails;
        this.queue = queue;
        this.auditor = auditor;
        this.clock = clock;
        this.retention = retention;
    }

    /** Stores {@code taken} and queues a delivery to each distinct recipient; returns the stored message. */
    public Voicemail store(NewVoicemail taken) {
        Instant now = StoredTime.now(clock);
        Voicemail message = new Voicemail(UUID.randomUUID().toString(), taken.accountId(), taken.calledNumber(),
                clip(taken.caller()), taken.callId(), taken.startedAt().truncatedTo(ChronoUnit.MICROS), taken.length(), false, now);
        Set<String> recipients = new LinkedHashSet<>();
        taken.recipients().stream().map(String::trim).filter(r -> !r.isEmpty()).forEach(recipients::add);
        return transactions.inTransaction(tx -> {
            voicemails.create(tx, message, taken.wav());
            for (String recipient : recipients) {
                queue.enqueue(tx, MailDelivery.queued(message.id(), message.accountId(), recipient, now));
            }
            events.record(tx, List.of(new NewEvent(message.accountId(), EventType.VOICEMAIL_CREATED, now, created(message))));
            return message;
        });
    }

    public List<Voicemail> list(RequestContext ctx, VoicemailQuery query) {
        if (query.from() != null && query.to() != null && !query.to().isAfter(query.from())) {
            throw new InvalidFieldException("to", "must be after from");
        }
        requireOwn(ctx, query.accountId());
        return transactions.inTransaction(tx -> voicemails.query(tx, query));
    }

    public Voicemail get(RequestContext ctx, String id) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> voicemails.find(tx, accountId, id)).orElseThrow(() -> notFound(id));
    }

    /** The recording as stored (a WAV file). */
    public byte[] audio(RequestContext ctx, String id) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> voicemails.wav(tx, accountId, id)).orElseThrow(() -> notFound(id));
    }

    /** Marks the message heard or new; audited when that changes it. */
    public Voicemail setHeard(RequestContext ctx, String id, boolean heard) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> {
            Voicemail before = voicemails.find(tx, accountId, id).orElseThrow(() -> notFound(id));
            if (before.heard() == heard) {
                return before;
            }
            voicemails.setHeard(tx, accountId, id, heard);
            auditor.record(tx, ctx, accountId, "voicemail.updated", "voicemail", id,
                    new Changes().field("heard", Boolean.toString(before.heard()), Boolean.toString(heard)).list());
            return before.withHeard(heard);
        });
    }

    /** Deletes the message, its recording and any delivery not yet made. */
    public void delete(RequestContext ctx, String id) {
        String accountId = ctx.accountId();
        transactions.inTransaction(tx -> {
            Voicemail before = voicemails.find(tx, accountId, id).orElseThrow(() -> notFound(id));
            voicemails.delete(tx, accountId, id);
            auditor.record(tx, ctx, accountId, "voicemail.deleted", "voicemail", id, deletedFields(before));
            return null;
        });
    }

    /** The retention sweep: deletes (and audits, as the system) every message stored longer ago than the retention. */
    public int sweepExpired() {
        Instant cutoff = clock.instant().minus(retention);
        RequestContext system = RequestContext.system("voicemail-retention-" + UUID.randomUUID());
        int deleted = 0;
        for (int batch = SWEEP_BATCH; batch == SWEEP_BATCH; ) {
            batch = transactions.inTransaction(tx -> {
                List<Voicemail> expired = voicemails.deleteCreatedBefore(tx, cutoff, SWEEP_BATCH);
                for (Voicemail gone : expired) {
                    auditor.record(tx, system, gone.accountId(), "voicemail.expired", "voicemail", gone.id(), deletedFields(gone));
                }
                return expired.size();
            });
            deleted += batch;
        }
        return deleted;
    }

    private static void requireOwn(RequestContext ctx, String accountId) {
        if (!ctx.accountId().equals(accountId)) {
            throw new ForbiddenException("an account reads only its own voicemails");
        }
    }

    private static List<FieldChange> deletedFields(Voicemail gone) {
        return new Changes().field("number", gone.number(), null).field("caller", gone.caller(), null)
                .field("started_at", gone.startedAt().toString(), null).list();
    }

    private static String clip(String caller) {
        return caller.length() <= MAX_CALLER ? caller : caller.substring(0, MAX_CALLER);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("voicemail " + id);
    }

    /** What voicemail.created carries: the message without its recording (fetched through the API). */
    private static ObjectNode created(Voicemail message) {
        return JsonNodeFactory.instance.objectNode()
                .put("id", message.id())
                .put("number", message.number())
                .put("caller", message.caller())
                .put("call_id", message.callId())
                .put("started_at", message.startedAt().toString())
                .put("duration_ms", message.length().toMillis())
                .put("recording", "/v1/voicemails/" + message.id() + "/audio");
    }
}
