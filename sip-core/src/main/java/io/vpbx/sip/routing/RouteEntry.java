package io.vpbx.sip.routing;

import io.vpbx.telephony.forwarding.Fallback;

/**
 * Everything the SIP core needs to route a call to one of our numbers, without the database: the owner,
 * the compliance permissions (with the reason when a direction is barred), the target, ring time, fallback.
 */
public record RouteEntry(String e164, String accountId, boolean inbound, boolean outbound, String reason, Target target,
                         int ringSeconds, Fallback fallback) {

    public RouteEntry {
        if (fallback == null) {
            fallback = Fallback.standard();
        }
        if (target == null) {
            target = new Target.None();
        }
    }
}
