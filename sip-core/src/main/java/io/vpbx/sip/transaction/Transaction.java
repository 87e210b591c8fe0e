package io.vpbx.sip.transaction;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Common ground of the four RFC 3261 section 17 machines: the request that created the
 * transaction, its transport, its state, and its named timers.
 *
 * <p>Not thread-safe by design: a transaction, its table and its scheduler belong to one Netty
 * event loop. Every timer task re-checks the state, so a timer that fires after its transaction
 * moved on does nothing.
 */
public abstract class Transaction<M extends SipMessageView> {
    private static final int TIMERS = TransactionTimer.values().length;

    private final M request;
    private final Transport<M> transport;
    private final TransactionContext<M> context;
    private final Consumer<Transaction<M>> onTerminated;
    /** The running timers by {@link TransactionTimer} ordinal. */
    private final Cancellable[] timers = new Cancellable[TIMERS];
    private TransactionState state;
    private boolean started;
    private TransactionOwner<M> owner = TransactionOwner.none();

    Transaction(TransactionOrigin<M> origin, TransactionState initial) {
        this.request = origin.request();
        this.transport = origin.transport();
        this.context = origin.context();
        this.onTerminated = origin.onTerminated();
        this.state = initial;
    }

    /** What the transaction works for from now on; {@link TransactionOwner#none()} when nothing awaits it any more. */
    public final void owner(TransactionOwner<M> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    public final TransactionOwner<M> owner() {
        return owner;
    }

    /** The request that created this transaction. */
    public final M request() {
        return request;
    }

    public final TransactionState state() {
        return state;
    }

    /** The flow this transaction sends on. */
    public final Transport<M> transport() {
        return transport;
    }

    public final boolean reliable() {
        return transport.reliable();
    }

    /**
     * The transport failed to deliver a message of this transaction (RFC 3261 sections 17.1.4 and
     * 17.2.4): terminate and inform the owner once.
     */
    public final void transportError() {
        if (state == TransactionState.TERMINATED) {
            return;
        }
        terminate();
        owner.transportError();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + request.method() + " " + request.topViaBranch() + " " + state + "]";
    }

    /** Sends the request or the 100 (Trying) and starts the first timers; called once by the table. */
    final void start() {
        if (started) {
            throw new IllegalStateException("already started: " + this);
        }
        started = true;
        onStart();
    }

    abstract void onStart();

    final TransactionTimers timers() {
        return context.timers();
    }

    final TransactionUser<M> user() {
        return context.user();
    }

    final TransactionContext<M> context() {
        return context;
    }

    final void enter(TransactionState next) {
        if (state != TransactionState.TERMINATED) {
            state = next;
        }
    }

    /** Sends a message; false if the transport reported an error and the transaction is over. */
    final boolean transmit(M message) {
        transport.send(message);
        return state != TransactionState.TERMINATED;
    }

    /** (Re)starts a timer; a zero duration (reliable transports) runs the action at once. */
    final void startTimer(TransactionTimer timer, Duration delay, Runnable action) {
        stopTimer(timer);
        if (delay.isZero()) {
            action.run();
            return;
        }
        timers[timer.ordinal()] = context.scheduler().schedule(delay, () -> {
            if (state != TransactionState.TERMINATED) {
                action.run();
            }
        });
    }

    final void stopTimer(TransactionTimer timer) {
        Cancellable scheduled = timers[timer.ordinal()];
        if (scheduled != null) {
            timers[timer.ordinal()] = null;
            scheduled.cancel();
        }
    }

    final void terminate() {
        if (state == TransactionState.TERMINATED) {
            return;
        }
        state = TransactionState.TERMINATED;
        for (int i = 0; i < timers.length; i++) {
            if (timers[i] != null) {
                timers[i].cancel();
                timers[i] = null;
            }
        }
        onTerminated.accept(this);
    }

    /** Timer B, F or H: terminate and inform the owner once. */
    final void timeout() {
        if (state == TransactionState.TERMINATED) {
            return;
        }
        terminate();
        owner.timeout();
    }

    static boolean isProvisional(int statusCode) {
        return statusCode < 200;
    }

    static boolean isSuccess(int statusCode) {
        return statusCode >= 200 && statusCode < 300;
    }

    static <M extends SipMessageView> M requireResponse(M message) {
        Objects.requireNonNull(message, "response");
        if (message.isRequest() || message.statusCode() < 100 || message.statusCode() > 699) {
            throw new IllegalArgumentException("not a response with status 100-699: " + message);
        }
        return message;
    }
}
