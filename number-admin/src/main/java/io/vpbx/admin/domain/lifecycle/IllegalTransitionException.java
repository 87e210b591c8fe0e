package io.vpbx.admin.domain.lifecycle;

/** An event that the number's current state does not allow (answered 409). */
public final class IllegalTransitionException extends RuntimeException {
    private final NumberState from;
    private final LifecycleEvent event;

    public IllegalTransitionException(NumberState from, LifecycleEvent event) {
        super("a number in state " + from.wireName() + " cannot be " + describe(event));
        this.from = from;
        this.event = event;
    }

    public NumberState from() {
        return from;
    }

    public LifecycleEvent event() {
        return event;
    }

    private static String describe(LifecycleEvent event) {
        return switch (event) {
            case RESERVE -> "reserved";
            case RELEASE -> "released";
            case RESERVATION_EXPIRED -> "released by expiry";
            case PURCHASE -> "purchased";
            case COMPLIANCE_CONFIRMED -> "activated";
            case CONFIRMATION_DEADLINE_PASSED -> "blocked for a missed confirmation deadline";
            case HOLDER_WITHDREW -> "blocked because its holder withdrew consent";
            case DISCONNECT -> "disconnected";
            case QUARANTINE_ENDED -> "returned from quarantine";
        };
    }
}
