package io.vpbx.admin.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The stores keep timestamps to the microsecond; an answer should show what a later read shows. */
public final class StoredTime {
    private StoredTime() {
    }

    /** The clock's instant cut to what the stores keep. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
