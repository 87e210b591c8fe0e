package io.vpbx.admin.domain.forwarding;

/** A number's forwarding rule: where calls go and how long to ring before the fallback. */
public record Forwarding(ForwardingTarget target, int ringTimeoutSeconds) {
    public static final int MIN_RING_SECONDS = 5;
    public static final int MAX_RING_SECONDS = 300;
    public static final int DEFAULT_RING_SECONDS = 30;
}
