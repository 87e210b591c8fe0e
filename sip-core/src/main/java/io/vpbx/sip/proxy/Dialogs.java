package io.vpbx.sip.proxy;

import io.vpbx.telephony.cdr.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answered calls whose BYE has not passed yet, by Call-ID: their records are finished when the BYE comes
 * through, or when a call outlives the maximum duration (a BYE that never came our way). Bounded; confined to
 * the SIP event loop. In insertion order, so the oldest calls are swept first.
 */
final class Dialogs {
    private final int max;
    private final Map<String, CallLog> open = new LinkedHashMap<>();
    /** Who may send requests within each open dialog (docs/adr/0012); same keys as {@link #open}. */
    private final Map<String, DialogParties> parties = new HashMap<>();
    private long untracked;

    Dialogs(int max) {
        this.max = max;
    }

    void answered(String callId, CallLog log, Instant at) {
        if (open.size() >= max) {
            untracked++;
            return;
        }
        open.put(callId, log);
    }

    /** As above, remembering the two parties, whose requests alone are relayed within the dialog. */
    void answered(String callId, CallLog log, Instant at, DialogParties between) {
        answered(callId, log, at);
        if (open.get(callId) == log) {
            parties.put(callId, between);
        }
    }

    /** The parties of an open dialog of this node, or null (not answered here, ended, or untracked). */
    DialogParties parties(String callId) {
        return parties.get(callId);
    }

    /** The record of the call this BYE ends, or null when it is not one of ours (or already ended). */
    CallRecord end(String callId, Instant at) {
        CallLog log = open.remove(callId);
        parties.remove(callId);
        return log == null ? null : log.end(CallRecord.Result.ANSWERED, 200, at);
    }

    /**
     * The record of a call whose caller never acknowledged the answer: no conversation took place, so nothing is
     * billable; null when the call is not one of ours (or already ended).
     */
    CallRecord endUnacknowledged(String callId, Instant at) {
        CallLog log = open.remove(callId);
        return log == null ? null : log.end(CallRecord.Result.NOT_ACKNOWLEDGED, 200, at);
    }

    /** Ends the calls answered longer ago than {@code maxDuration}. */
    List<CallRecord> sweep(Instant now, Duration maxDuration) {
        List<CallRecord> ended = new ArrayList<>();
        Iterator<Map.Entry<String, CallLog>> logs = open.entrySet().iterator();
        while (logs.hasNext()) {
            Map.Entry<String, CallLog> entry = logs.next();
            CallLog log = entry.getValue();
            if (Duration.between(log.startedAt(), now).compareTo(maxDuration) < 0) {
                break;
            }
            logs.remove();
            parties.remove(entry.getKey());
            ended.add(log.end(CallRecord.Result.ANSWERED, 200, now));
        }
        return ended;
    }

    int size() {
        return open.size();
    }

    long untracked() {
        return untracked;
    }
}
