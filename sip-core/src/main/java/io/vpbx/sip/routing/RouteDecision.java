package io.vpbx.sip.routing;

import io.vpbx.telephony.forwarding.Fallback;
import java.util.List;

/** The router's answer for one INVITE: reject with a final response, or ring these steps then the fallback. */
public sealed interface RouteDecision {

    record Reject(int sipCode, String reason) implements RouteDecision {
    }

    /** Steps in order (each a parallel fork); when all fail or none exist, the fallback. */
    record Ring(RouteEntry entry, List<RingStep> steps, Fallback fallback) implements RouteDecision {
        public Ring {
            steps = List.copyOf(steps);
        }
    }
}
