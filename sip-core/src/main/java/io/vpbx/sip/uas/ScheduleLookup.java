package io.vpbx.sip.uas;

import java.time.Instant;

/**
 * Whether an account's schedule (business hours, holidays) is open at an instant: what a scenario's
 * {@code time_condition} step asks. Called on the SIP event loop, so it reads memory and never blocks; the schedules
 * of the routing table answer it in production.
 */
@FunctionalInterface
public interface ScheduleLookup {

    /** True when the schedule is open at {@code at}; an unknown schedule is closed. */
    boolean isOpen(String scheduleId, Instant at);
}
