package io.vpbx.admin.domain.forwarding;

import java.util.Objects;

/**
 * Forwarding by working hours: while the schedule is open calls go to the forwarding's target, while it is closed
 * to {@code closedTarget}, or straight to the number's fallback when that is null.
 */
public record ForwardingSchedule(String scheduleId, ForwardingTarget closedTarget) {
    public ForwardingSchedule {
        Objects.requireNonNull(scheduleId, "scheduleId");
    }
}
