package io.vpbx.sip.routing;

import io.vpbx.telephony.forwarding.Fallback;
import java.util.List;

/** The router's answer for one INVITE: reject with a final response, or ring these steps then the fallback. */
public sealed interface RouteDecision {

    record Reject(int sipCode, String reason) implements RouteDecision {
    }

    /**
     * Steps in order (each a parallel fork); when all fail or none exist, the fallback. {@code branch} says whether a
     * schedule chose the target (open or closed hours) or the number has one target at all hours.
     */
    record Ring(RouteEntry entry, List<RingStep> steps, Fallback fallback, ScheduleChoice.Branch branch) implements RouteDecision {
        public Ring {
            steps = List.copyOf(steps);
            if (branch == null) {
                branch = ScheduleChoice.Branch.ALL_HOURS;
            }
        }

        /** A call rung at all hours: no schedule involved. */
        public Ring(RouteEntry entry, List<RingStep> steps, Fallback fallback) {
            this(entry, steps, fallback, ScheduleChoice.Branch.ALL_HOURS);
        }
    }
}
