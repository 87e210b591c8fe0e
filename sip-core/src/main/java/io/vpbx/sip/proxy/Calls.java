package io.vpbx.sip.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.cdr.CallRecordSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls on this proxy from admission to record: counted while they are routed, held to their account's limits
 * (calls at once and per minute, then duration), remembered as dialogs once answered, with Timer H waiting for the
 * caller's ACK, and ended into a call record offered to the sink. Confined to the SIP event loop.
 */
final class Calls {
    private static final Logger log = LoggerFactory.getLogger(Calls.class);
    /** How our Warning headers name us (RFC 3261 section 20.43: a pseudonym is allowed). */
    private static final String WARN_AGENT = "vpbx";

    private final Clock clock;
    private final RoutingTable routing;
    private final Answers answers;
    private final Dialogs dialogs;
    private final CallAdmission limits;
    private final CallDurationLimit durations;
    private final UnacknowledgedAnswers unacknowledged;
    private final DialogTeardown teardown;
    private final CallRecordSink records;
    private final ProxyMetrics metrics;
    /** Calls being routed: from their session's start until answered, failed or cancelled. */
    private int routed;

    /** @param timerH how long an answer waits for its ACK (64*T1) */
    Calls(Clock clock, TimerScheduler scheduler, Duration timerH, RoutingTable routing, Answers answers, Dialogs dialogs,
          DialogTeardown teardown, CallRecordSink records, ProxyMetrics metrics, MeterRegistry registry) {
        this.clock = clock;
        this.routing = routing;
        this.answers = answers;
        this.dialogs = dialogs;
        this.limits = new CallAdmission(clock, registry);
        this.durations = new CallDurationLimit(scheduler, registry, this::durationReached);
        this.unacknowledged = new UnacknowledgedAnswers(scheduler, timerH, this::notAcknowledged);
        this.teardown = teardown;
        this.records = records;
        this.metrics = metrics;
    }

    /**
     * The account's toll-fraud limits (calls at once, calls per minute) admit the call, counted from now until its
     * record is written; or it is refused with the answer naming the limit, and recorded.
     */
    boolean admitted(ServerTransaction<WireMessage> transaction, WireMessage invite, CallLog log, String accountId) {
        CallAdmission.Refusal refusal = limits.admit(invite.callId(), accountId, routing.callLimits(accountId));
        if (refusal == null) {
            return true;
        }
        refuse(transaction, invite, log, refusal);
        return false;
    }

    /** The account's destination rules refuse a call out from {@code callerId} to {@code dialed}; null: allowed. */
    CallAdmission.Refusal destinationRefused(String accountId, String callerId, String dialed) {
        return limits.checkDestination(accountId, routing.callLimits(accountId).destinations(), callerId, dialed);
    }

    /** Answers a call refused by a limit (with Warning and, for a rate, Retry-After) and records it. */
    void refuse(ServerTransaction<WireMessage> transaction, WireMessage invite, CallLog log, CallAdmission.Refusal refusal) {
        transaction.sendResponse(WireMessage.response(Rewrites.response(invite, refusal.status(), refusal.reason(),
                answers.toTag(invite), refusal.headers(WARN_AGENT)), refusal.status(), invite));
        ended(log.end(CallRecord.Result.REJECTED, refusal.status(), clock.instant()));
    }

    /** Answers a call that will not be routed (404, 403 with its reason...) and records it. */
    void rejected(ServerTransaction<WireMessage> transaction, WireMessage invite, CallLog log, int status, String reason) {
        answers.reject(transaction, invite, status, reason);
        ended(log.end(CallRecord.Result.REJECTED, status, clock.instant()));
    }

    /** The call was admitted and its routing starts: the sink hears of it (call.started). */
    void started(CallLog log) {
        progress(log, log.startedAt(), false);
    }

    /** Hands the call's progress to the sink; like a record, never lets the sink's failure reach the call. */
    private void progress(CallLog call, Instant at, boolean answered) {
        if (call.accountId() == null) {
            return;
        }
        try {
            if (answered) {
                records.answered(call.progress(at));
            } else {
                records.started(call.progress(at));
            }
        } catch (RuntimeException e) {
            log.warn("the call record sink failed; progress of call {} lost", call.progress(at).callId(), e);
        }
    }

    /** A session started forking the call. */
    void routing() {
        routed++;
    }

    /** A session stopped: the call is in a dialog now, or recorded. */
    void routingEnded() {
        routed--;
    }

    void setupTook(long nanos) {
        metrics.setupTook(nanos);
    }

    /**
     * The call was answered at {@code at}: its dialog is remembered with its two parties, Timer H waits for the
     * caller's ACK of {@code answer}, and the account's duration limit starts, with what it takes to end the dialog.
     */
    void answered(WireMessage invite, WireMessage answer, Flow callerFlow, Flow calleeFlow, CallLog log, Instant at) {
        progress(log, at, true);
        dialogs.answered(invite.callId(), log, at, new DialogParties(callerFlow.remote().getAddress(),
                calleeFlow.remote().getAddress()));
        unacknowledged.answered(invite.callId(), answer, calleeFlow);
        durations.answered(teardown.dialog(invite, answer, callerFlow, calleeFlow),
                routing.callLimits(log.accountId()).maxCallDuration());
    }

    /** An ACK of the call passed: Timer H stops. */
    void acknowledged(String callId) {
        unacknowledged.acknowledged(callId);
    }

    /** A BYE of the call passed: its dialog ends and its record is written. */
    void hungUp(String callId) {
        CallRecord record = dialogs.end(callId, clock.instant());
        if (record != null) {
            ended(record);
        }
    }

    void ended(CallRecord record) {
        limits.release(record.callId());
        durations.ended(record.callId());
        metrics.ended(record);
        try {
            records.offer(record);
        } catch (RuntimeException e) {
            log.warn("the call record sink failed; record of call {} lost", record.callId(), e);
        }
    }

    /** Ends the records of calls whose BYE never passed this way after {@code maxCallDuration}. */
    void sweep(Duration maxCallDuration) {
        dialogs.sweep(clock.instant(), maxCallDuration).forEach(this::ended);
        limits.sweep();
    }

    /** Calls being routed plus calls answered and not yet ended. */
    int active() {
        return routed + dialogs.size();
    }

    /** The duration limit ends the call: a BYE to each party, and its record. */
    private void durationReached(DialogTeardown.Dialog dialog) {
        teardown.endBoth(dialog);
        CallRecord record = dialogs.end(dialog.callId(), clock.instant());
        if (record != null) {
            ended(record);
        } else {
            limits.release(dialog.callId());
        }
    }

    /** Timer H fired for an answer never acknowledged: the callee is hung up and the call recorded as not billable. */
    private void notAcknowledged(String callId, WireMessage answer, Flow callee) {
        CallRecord record = dialogs.endUnacknowledged(callId, clock.instant());
        if (record == null) {
            return;
        }
        log.debug("call {} answered but never acknowledged within Timer H; hanging up the callee", callId);
        ended(record);
        teardown.hangUp(answer, callee);
    }
}
