package io.vpbx.sip.transaction;

import java.util.Objects;

/**
 * What every transaction of one table shares: timer values, the event loop's scheduler, the TU,
 * and the two message builders the layer needs because it does not parse.
 */
public record TransactionContext<M extends SipMessageView>(
        TransactionTimers timers,
        TimerScheduler scheduler,
        TransactionUser<M> user,
        AckFactory<M> ackFactory,
        TryingFactory<M> tryingFactory) {

    public TransactionContext {
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(ackFactory, "ackFactory");
        Objects.requireNonNull(tryingFactory, "tryingFactory");
    }
}
