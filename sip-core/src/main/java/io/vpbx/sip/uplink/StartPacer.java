package io.vpbx.sip.uplink;

import java.time.Duration;
import java.time.Instant;

/**
 * Spreads first registrations in time: thousands of lines loaded at startup (or reconnected at once) get
 * start slots {@code 1/rate} apart instead of one burst at the operators. Refreshes then stay spread.
 */
public final class StartPacer {
    private final Duration interval;
    private Instant last = Instant.MIN;

    public StartPacer(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
        }
        this.interval = Duration.ofNanos(1_000_000_000L / perSecond);
    }

    /** The start time of the next line: now, or one interval after the previous line's, whichever is later. */
    public Instant slot(Instant now) {
        Instant next = last.equals(Instant.MIN) ? now : last.plus(interval);
        last = next.isBefore(now) ? now : next;
        return last;
    }
}
