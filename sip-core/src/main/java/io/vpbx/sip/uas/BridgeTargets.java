package io.vpbx.sip.uas;

import io.vpbx.sip.proxy.OutboundCalls;
import io.vpbx.sip.routing.DestinationPolicy;
import io.vpbx.sip.routing.Leg;
import io.vpbx.sip.routing.RingStep;
import io.vpbx.sip.routing.RouteDecision;
import io.vpbx.sip.routing.Router;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import io.vpbx.telephony.forwarding.Destination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a scenario's {@code forward} step rings, by the proxy's own routing (not a second implementation): the
 * {@link Destination} becomes the {@link Router}'s ring steps (an employee's phones, a department by its strategy,
 * an external PBX's URIs in order, a number through the account's trunk), another platform number is routed by its
 * own rules (a bounded number of times), and each leg gets its Request-URI. Pure: reads the routing snapshot.
 */
public final class BridgeTargets {
    private static final int MAX_PLATFORM_HOPS = 4;

    /** One phone or URI to call. */
    record Callee(Leg leg, String requestUri) {
    }

    /** One step: its callees rung at once, for {@code ringSeconds}. */
    record Ring(List<Callee> callees, int ringSeconds, boolean failoverOnBusy) {
    }

    private final Router router;
    private final RoutingTable routing;

    public BridgeTargets(Router router, RoutingTable routing) {
        this.router = router;
        this.routing = routing;
    }

    /**
     * The steps to ring for {@code target} of {@code accountId}'s scenario at {@code now} (another platform number
     * follows its own schedule); empty when nothing can be called.
     */
    List<Ring> steps(String accountId, Destination target, int ringSeconds, Instant now) {
        List<RingStep> steps = switch (target) {
            case Destination.Employee e -> router.steps(new Target.Employee(e.employeeId()), ringSeconds);
            case Destination.Department d -> router.steps(new Target.Department(d.departmentId()), ringSeconds);
            // a number that turns out to be on vpbx (keyed in by the caller, say) rings by its own rules, not out and back
            case Destination.ExternalNumber n -> router.steps(routing.number(n.e164()).isPresent()
                    ? new Target.PlatformNumber(n.e164()) : new Target.ExternalNumber(n.e164()), ringSeconds);
            case Destination.ExternalPbx x -> router.steps(new Target.ExternalPbx(x.uris()), ringSeconds);
            case Destination.PlatformNumber p -> router.steps(new Target.PlatformNumber(p.e164()), ringSeconds);
            case Destination.Scenario s -> List.of(); // a scenario is answered by vpbx, not rung
            case Destination.Collected c -> List.of(); // resolved by the script before it forwards
        };
        List<Ring> rings = new ArrayList<>();
        add(rings, accountId, steps, 0, now);
        return rings;
    }

    /**
     * Why a forward of {@code accountId}'s scenario, on a call to {@code calledNumber}, may not ring {@code target}: a
     * number outside vpbx held to the account's rules for calls out (premium rate, international), as an employee's
     * call out is, with the called number as caller ID. Null when allowed (every other kind of target).
     */
    String refusal(String accountId, String calledNumber, Destination target) {
        if (!(target instanceof Destination.ExternalNumber number) || routing.number(number.e164()).isPresent()) {
            return null;
        }
        DestinationPolicy.Refusal refusal = routing.callLimits(accountId).destinations().check(calledNumber, number.e164());
        return refusal == null ? null : refusal.text();
    }

    private void add(List<Ring> rings, String accountId, List<RingStep> steps, int hops, Instant now) {
        for (RingStep step : steps) {
            List<Callee> callees = new ArrayList<>();
            for (Leg leg : step.legs()) {
                if (leg.kind() == Leg.Kind.PLATFORM_NUMBER && hops < MAX_PLATFORM_HOPS
                        && router.routeOnPlatform(leg.destination(), now) instanceof RouteDecision.Ring other) {
                    add(rings, other.entry().accountId(), other.steps(), hops + 1, now);
                } else {
                    uriOf(accountId, leg).ifPresent(uri -> callees.add(new Callee(leg, uri)));
                }
            }
            if (!callees.isEmpty()) {
                rings.add(new Ring(callees, step.ringSeconds(), step.failoverOnBusy()));
            }
        }
    }

    private Optional<String> uriOf(String accountId, Leg leg) {
        return switch (leg.kind()) {
            case CONTACT, SIP_URI -> Optional.of(leg.destination());
            case TRUNK_NUMBER -> routing.outboundTrunk(accountId)
                    .flatMap(trunk -> OutboundCalls.uriThrough(trunk, leg.destination()));
            default -> Optional.empty();
        };
    }
}
