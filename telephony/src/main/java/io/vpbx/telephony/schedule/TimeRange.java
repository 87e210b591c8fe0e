package io.vpbx.telephony.schedule;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Open from {@code from} (inclusive) to {@code to} (exclusive), local wall-clock time of the schedule's zone.
 * {@code to} of 00:00 means midnight at the end of the day; a range never spans midnight (split it in two).
 */
public record TimeRange(LocalTime from, LocalTime to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
            throw new IllegalArgumentException("a time range ends after it starts (or at 00:00, the end of the day)");
        }
    }
}
