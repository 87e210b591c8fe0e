package io.vpbx.sip.routing;

import java.util.List;

/** Where a number's calls go, as the routing table holds it (built from the admin side's forwarding rules). */
public sealed interface Target {

    record Employee(String employeeId) implements Target {
    }

    record Department(String departmentId) implements Target {
    }

    /** An IVR scenario; the media issue plays it. */
    record Scenario(String scenarioId) implements Target {
    }

    /** Another number on vpbx: the call is routed again by that number's rules. */
    record PlatformNumber(String e164) implements Target {
    }

    /** SIP URIs tried in order; the next one on 408/480/503/504 or a transport error, never on 486/603. */
    record ExternalPbx(List<String> uris) implements Target {
        public ExternalPbx {
            uris = List.copyOf(uris);
        }
    }

    /** A number outside vpbx, reached through a carrier trunk. */
    record ExternalNumber(String e164) implements Target {
    }

    /** No forwarding configured: straight to the fallback. */
    record None() implements Target {
    }
}
