package io.vpbx.admin.domain.schedule;

import io.vpbx.telephony.schedule.Schedule;
import java.time.Instant;
import java.util.Objects;

/** A schedule as stored: the value calls are routed by, and when it was created and last changed. */
public record SavedSchedule(Schedule schedule, Instant createdAt, Instant updatedAt) {
    public static final int MAX_NAME_LENGTH = 200;

    public SavedSchedule {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String id() {
        return schedule.id();
    }

    public String accountId() {
        return schedule.accountId();
    }
}
