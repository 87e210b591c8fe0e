package io.vpbx.telephony.cdr;

import java.time.Instant;
import java.util.Objects;

/**
 * A call's progress before its record exists: it started being routed, or it was answered. Handed to the {@link
 * CallRecordSink} on a SIP event loop, like the record at the end.
 *
 * @param at when the INVITE arrived (started) or the answer came (answered)
 */
public record CallProgress(String callId, String accountId, CallRecord.Direction direction, String number, String caller,
                           String callee, Instant at) {
    public CallProgress {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
    }
}
