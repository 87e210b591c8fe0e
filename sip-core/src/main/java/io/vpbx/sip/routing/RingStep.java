package io.vpbx.sip.routing;

import java.util.List;

/**
 * Legs rung together (a parallel fork) for up to {@code ringSeconds}; the next step starts when this one
 * fails. {@code failoverOnBusy}: whether 486 Busy Here or 603 Decline also moves on to the next step (a
 * department hunts on to the next member; an external PBX's failover list moves on only on 408, 480,
 * 503, 504 and transport errors, and a busy answer ends the forwarding).
 */
public record RingStep(List<Leg> legs, int ringSeconds, boolean failoverOnBusy) {
    public RingStep {
        legs = List.copyOf(legs);
    }
}
