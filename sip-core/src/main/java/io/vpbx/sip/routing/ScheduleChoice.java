package io.vpbx.sip.routing;

import java.util.Objects;

/**
 * Forwarding by working hours: while the schedule {@code scheduleId} is open a call goes to the entry's target,
 * while it is closed to {@code closed} ({@link Target.None}: straight to the fallback). Decided by the
 * {@link Router} from the routing table's schedule and the instant of the call.
 */
public record ScheduleChoice(String scheduleId, Target closed) {
    public ScheduleChoice {
        Objects.requireNonNull(scheduleId, "scheduleId");
        if (closed == null) {
            closed = new Target.None();
        }
    }

    /** Which target a call took: the schedule's open or closed one, or the only one when the number has no schedule. */
    public enum Branch {
        ALL_HOURS, OPEN, CLOSED
    }
}
