package io.vpbx.sip.routing;

import io.vpbx.telephony.forwarding.Fallback;

/**
 * Everything the SIP core needs to route a call to one of our numbers, without the database: the owner,
 * the compliance permissions (with the reason when a direction is barred), the target, ring time, fallback, and
 * when the forwarding follows a schedule, the closed-hours choice ({@code schedule} null: the target at all hours).
 */
public record RouteEntry(String e164, String accountId, boolean inbound, boolean outbound, String reason, Target target,
                         int ringSeconds, Fallback fallback, ScheduleChoice schedule) {

    /** An entry whose target takes calls at all hours. */
    public RouteEntry(String e164, String accountId, boolean inbound, boolean outbound, String reason, Target target,
                      int ringSeconds, Fallback fallback) {
        this(e164, accountId, inbound, outbound, reason, target, ringSeconds, fallback, null);
    }

    public RouteEntry {
        if (fallback == null) {
            fallback = Fallback.standard();
        }
        if (target == null) {
            target = new Target.None();
        }
    }
}
