package io.vpbx.admin.service.scenarios;

import io.vpbx.admin.store.Tx;
import java.sql.SQLException;

/**
 * Whether an account has a schedule, for a scenario's time condition. A seam of its own because schedules
 * (/v1/schedules) arrive beside scenarios: the composition root points it at the schedule store's lookup; until
 * then {@link #UNCHECKED} accepts every id.
 */
@FunctionalInterface
public interface ScheduleReferences {
    /** Accepts every schedule id: only for a build without schedules. */
    ScheduleReferences UNCHECKED = (tx, accountId, scheduleId) -> true;

    boolean exists(Tx tx, String accountId, String scheduleId) throws SQLException;
}
