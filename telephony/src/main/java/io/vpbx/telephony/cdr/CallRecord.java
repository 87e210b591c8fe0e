package io.vpbx.telephony.cdr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record of one call attempt (a CDR), built by the proxy when the call ends and written off the call path.
 *
 * @param callId the Call-ID of the caller's INVITE
 * @param accountId the account the number belongs to
 * @param direction inbound to one of our numbers, or outbound from an employee
 * @param number our number: the dialled one (inbound) or the caller ID used (outbound)
 * @param caller the caller: the From user of an inbound call, the employee id of an outbound one
 * @param callee the dialled party: our number (inbound) or the external number (outbound)
 * @param carrier the trunk or third-party operator that carried the call, null when none did
 * @param attempts every target tried, in order
 * @param result the final result
 * @param finalCode the SIP status the caller received (200 when answered)
 * @param fallback what the fallback did ("hang_up 480", "voice_message", "voicemail"), null when none was used
 * @param startedAt when the INVITE arrived
 * @param answeredAt when the call was answered, null when it was not
 * @param endedAt when the call ended (BYE, or the final non-2xx response)
 */
public record CallRecord(String callId, String accountId, Direction direction, String number, String caller, String callee,
                         String carrier, List<Attempt> attempts, Result result, int finalCode, String fallback,
                         Instant startedAt, Instant answeredAt, Instant endedAt) {

    public enum Direction { INBOUND, OUTBOUND }

    public enum Result {
        /** A target answered. */
        ANSWERED,
        /** Every target tried was busy (486/600/603). */
        BUSY,
        /** No target answered within its ring time. */
        NO_ANSWER,
        /** The caller hung up (CANCEL) before an answer. */
        CANCELLED,
        /** Refused before any target was tried: unknown number, compliance block, caller-ID check. */
        REJECTED,
        /** Targets failed (errors, unreachable, nothing registered). */
        FAILED,
        /**
         * A target answered but the caller never acknowledged the answer within Timer H (64*T1): the proxy hung up
         * the callee; no conversation took place and nothing is billable.
         */
        NOT_ACKNOWLEDGED
    }

    /**
     * One target tried.
     *
     * @param kind the leg kind (contact, sip_uri, trunk_number, platform_number, scenario)
     * @param destination the URI or number tried
     * @param employeeId the employee the leg belongs to, null for other kinds
     * @param sipCode the final status the target gave; 0 when it gave none (timeout, transport error, cancelled)
     * @param outcome short text: answered, busy, no_answer, cancelled, timeout, transport_error, rejected
     */
    public record Attempt(String kind, String destination, String employeeId, int sipCode, String outcome,
                          Instant startedAt, Instant endedAt) {
        public Attempt {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(endedAt, "endedAt");
        }
    }

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        attempts = List.copyOf(attempts);
    }

    /** Milliseconds from the INVITE to the answer, or to the final response when unanswered. */
    public long setupMillis() {
        Instant setupEnd = answeredAt != null ? answeredAt : endedAt;
        return Math.max(0, setupEnd.toEpochMilli() - startedAt.toEpochMilli());
    }

    /** Whole seconds from the answer to the end, the billable duration; 0 when unanswered or never acknowledged. */
    public long durationSeconds() {
        return answeredAt == null || result == Result.NOT_ACKNOWLEDGED ? 0 : Math.max(0, (endedAt.toEpochMilli() - answeredAt.toEpochMilli()) / 1000);
    }
}
