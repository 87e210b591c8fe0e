package io.vpbx.admin.domain.forwarding;

/**
 * A number's forwarding rule: where calls go and how long to ring before the fallback, and optionally a schedule
 * that sends calls outside its hours elsewhere ({@code schedule} null: the target at all hours).
 */
public record Forwarding(ForwardingTarget target, int ringTimeoutSeconds, ForwardingSchedule schedule) {
    public static final int MIN_RING_SECONDS = 5;
    public static final int MAX_RING_SECONDS = 300;
    public static final int DEFAULT_RING_SECONDS = 30;

    /** A forwarding to one target at all hours. */
    public Forwarding(ForwardingTarget target, int ringTimeoutSeconds) {
        this(target, ringTimeoutSeconds, null);
    }
}
