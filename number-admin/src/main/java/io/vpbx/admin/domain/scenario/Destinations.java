package io.vpbx.admin.domain.scenario;

import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.forwarding.SipUri;
import io.vpbx.telephony.forwarding.Destination;

/**
 * A forward step's target in both shapes: the admin side's {@link ForwardingTarget} (read and checked by the
 * forwarding codec, referenced by the forwarding checks) and the call side's {@link Destination}, which the
 * scenario holds. The kinds match one to one.
 */
public final class Destinations {
    private Destinations() {
    }

    public static Destination of(ForwardingTarget target) {
        return switch (target) {
            case ForwardingTarget.Employee e -> new Destination.Employee(e.employeeId());
            case ForwardingTarget.Department d -> new Destination.Department(d.departmentId());
            case ForwardingTarget.Scenario s -> new Destination.Scenario(s.scenarioId());
            case ForwardingTarget.PlatformPbx p -> new Destination.PlatformNumber(p.number());
            case ForwardingTarget.ExternalNumber n -> new Destination.ExternalNumber(n.number());
            case ForwardingTarget.ExternalPbx x -> new Destination.ExternalPbx(x.uris().stream().map(SipUri::value).toList());
        };
    }

    /**
     * {@code field} names the target when a stored URI no longer parses (it did when it was saved). A
     * {@link Destination.Collected} has no forwarding target until the call: callers handle it before.
     */
    public static ForwardingTarget target(String field, Destination destination) {
        return switch (destination) {
            case Destination.Collected c -> throw new IllegalArgumentException(
                    field + " is known only during the call (from variable " + c.variable() + ")");
            case Destination.Employee e -> new ForwardingTarget.Employee(e.employeeId());
            case Destination.Department d -> new ForwardingTarget.Department(d.departmentId());
            case Destination.Scenario s -> new ForwardingTarget.Scenario(s.scenarioId());
            case Destination.PlatformNumber p -> new ForwardingTarget.PlatformPbx(p.e164());
            case Destination.ExternalNumber n -> new ForwardingTarget.ExternalNumber(n.e164());
            case Destination.ExternalPbx x -> new ForwardingTarget.ExternalPbx(x.uris().stream()
                    .map(uri -> SipUri.of(field + ".uris", uri)).toList());
        };
    }
}
