package io.vpbx.sip.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.sip.transaction.Cancellable;
import io.vpbx.sip.transaction.TimerScheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The longest an answered call may last (toll fraud keeps calls to premium numbers open for hours): at its account's
 * limit both parties get a BYE and the call's record ends. The deadline is dropped when the call ends otherwise.
 * Confined to the SIP event loop.
 */
final class CallDurationLimit {
    private static final Logger log = LoggerFactory.getLogger(CallDurationLimit.class);

    private final TimerScheduler scheduler;
    private final Map<String, Cancellable> deadlines = new HashMap<>();
    private final Counter reached;
    private final Consumer<DialogTeardown.Dialog> end;

    /** @param end runs at a call's deadline with the dialog to end */
    CallDurationLimit(TimerScheduler scheduler, MeterRegistry registry, Consumer<DialogTeardown.Dialog> end) {
        this.scheduler = scheduler;
        this.end = end;
        this.reached = Counter.builder("vpbx.sip.limits.refused").description("calls refused by an account's toll-fraud limit")
                .tag("limit", "max_call_duration").register(registry);
    }

    /** Starts the clock of an answered call. */
    void answered(DialogTeardown.Dialog dialog, Duration limit) {
        Cancellable previous = deadlines.put(dialog.callId(), scheduler.schedule(limit, () -> {
            deadlines.remove(dialog.callId());
            reached.increment();
            log.info("call {} reached its account's duration limit of {}: BYE to both parties", dialog.callId(), limit);
            end.accept(dialog);
        }));
        if (previous != null) {
            previous.cancel();
        }
    }

    /** The call ended: its deadline goes. */
    void ended(String callId) {
        Cancellable deadline = deadlines.remove(callId);
        if (deadline != null) {
            deadline.cancel();
        }
    }

    int pending() {
        return deadlines.size();
    }
}
