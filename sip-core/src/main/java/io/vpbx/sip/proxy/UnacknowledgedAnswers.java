package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.Cancellable;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.sip.wire.WireMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Answered calls waiting for the caller's ACK, by Call-ID, each with its Timer H: 64*T1, the time RFC 3261
 * section 13.3.1.4 gives a UAS to retransmit a 2xx before it ends the session. A call whose ACK never comes is
 * handed to {@link Expiry} (which hangs up the callee and records the call as not acknowledged) rather than left
 * "active" until the maximum call duration and billed as a 12-hour call.
 *
 * <p>An entry lives from the answer to the ACK, a round trip in the usual case. Confined to the SIP event loop.
 */
final class UnacknowledgedAnswers {

    /** What happens to a call whose 2xx went unacknowledged for Timer H. */
    interface Expiry {
        void expired(String callId, WireMessage answer, Flow callee);
    }

    private final TimerScheduler scheduler;
    private final Duration timerH;
    private final Expiry expiry;
    private final Map<String, Cancellable> waiting = new HashMap<>();

    UnacknowledgedAnswers(TimerScheduler scheduler, Duration timerH, Expiry expiry) {
        this.scheduler = scheduler;
        this.timerH = timerH;
        this.expiry = expiry;
    }

    /** The 2xx {@code answer} from {@code callee} went upstream: its ACK is awaited from now. */
    void answered(String callId, WireMessage answer, Flow callee) {
        if (waiting.containsKey(callId)) {
            return;
        }
        waiting.put(callId, scheduler.schedule(timerH, () -> {
            if (waiting.remove(callId) != null) {
                expiry.expired(callId, answer, callee);
            }
        }));
    }

    /** An ACK of the call passed: its timer stops. */
    void acknowledged(String callId) {
        Cancellable timer = waiting.remove(callId);
        if (timer != null) {
            timer.cancel();
        }
    }

    int size() {
        return waiting.size();
    }
}
