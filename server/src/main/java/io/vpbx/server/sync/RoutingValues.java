package io.vpbx.server.sync;

import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.CallPermissions;
import io.vpbx.admin.domain.lifecycle.CallPolicy;
import io.vpbx.admin.domain.limits.AccountLimits;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.domain.thirdparty.ThirdPartyLine;
import io.vpbx.admin.domain.trunk.SourceAddress;
import io.vpbx.sip.routing.AccountCallLimits;
import io.vpbx.sip.routing.DepartmentPlan;
import io.vpbx.sip.routing.DestinationPolicy;
import io.vpbx.sip.routing.PremiumRatePrefixes;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.ScheduleChoice;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.sip.uplink.UplinkAccount;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.grammar.SipGrammar;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin side's records turned into the routing table's values: pure, no I/O but a warning. A URI that breaks
 * the SIP grammar (one stored before the API checked it) never reaches the table: it would be written into a
 * Request-URI as it is.
 */
public final class RoutingValues {
    private static final Logger log = LoggerFactory.getLogger(RoutingValues.class);

    private RoutingValues() {
    }

    static RouteEntry entry(NumberRecord r, CallPolicy policy) {
        CallPermissions permissions = policy.permissions(r.state(), r.suspension(), r.complaintStop(), r.country(), r.type());
        int ring = r.forwarding() == null ? Forwarding.DEFAULT_RING_SECONDS : r.forwarding().ringTimeoutSeconds();
        return new RouteEntry(r.e164(), r.accountId(), permissions.inbound(), permissions.outbound(), permissions.reason(),
                r.forwarding() == null ? new Target.None() : target(r.forwarding().target()), ring,
                r.fallback() == null ? Fallback.standard() : r.fallback(), scheduleChoice(r.forwarding()));
    }

    /** A forwarding by hours: the schedule, and where closed hours go ({@link Target.None}: the fallback). */
    private static ScheduleChoice scheduleChoice(Forwarding forwarding) {
        if (forwarding == null || forwarding.schedule() == null) {
            return null;
        }
        ForwardingTarget closed = forwarding.schedule().closedTarget();
        return new ScheduleChoice(forwarding.schedule().scheduleId(), closed == null ? new Target.None() : target(closed));
    }

    /** Members in hunt order with their ring times. */
    static DepartmentPlan plan(Department d) {
        return new DepartmentPlan(d.id(), d.strategy(),
                d.members().stream().map(m -> new DepartmentPlan.Member(m.employeeId(), m.ringSeconds())).toList(),
                d.accountId(), d.extension());
    }

    /** Addresses in the form the SIP transport sees a sender in, so that a lookup by a packet's source finds them. */
    static TrunkEntry trunk(io.vpbx.admin.domain.trunk.Trunk t) {
        return new TrunkEntry(t.id(), t.name(), t.sourceAddresses().stream().map(SourceAddress::hostAddress).toList(),
                t.accountId(), t.outboundUri() == null || safe(t.outboundUri(), "trunk " + t.id()) ? t.outboundUri() : null);
    }

    private static Target target(ForwardingTarget t) {
        if (t instanceof ForwardingTarget.Employee e) {
            return new Target.Employee(e.employeeId());
        }
        if (t instanceof ForwardingTarget.Department d) {
            return new Target.Department(d.departmentId());
        }
        if (t instanceof ForwardingTarget.Scenario s) {
            return new Target.Scenario(s.scenarioId());
        }
        if (t instanceof ForwardingTarget.PlatformPbx p) {
            return new Target.PlatformNumber(p.number());
        }
        if (t instanceof ForwardingTarget.ExternalPbx x) {
            List<String> uris = x.uris().stream().map(uri -> uri.value()).filter(uri -> safe(uri, "an external PBX target")).toList();
            return uris.isEmpty() ? new Target.None() : new Target.ExternalPbx(uris);
        }
        if (t instanceof ForwardingTarget.ExternalNumber n) {
            return new Target.ExternalNumber(n.number());
        }
        return new Target.None();
    }

    private static boolean safe(String uri, String where) {
        Optional<String> problem = SipGrammar.uriProblem(uri);
        problem.ifPresent(why -> log.warn("{}: stored URI left out of routing, it {}", where, why));
        return problem.isEmpty();
    }

    /** An account's limits as the call path reads them; {@code premium} is the premium-rate list in force. */
    public static AccountCallLimits callLimits(AccountLimits limits, PremiumRatePrefixes premium) {
        return new AccountCallLimits(limits.concurrentCalls(), limits.callsPerMinute(), limits.maxCallDuration(),
                new DestinationPolicy(limits.allowInternational(), limits.allowPremium(), limits.allowedPrefixes(), premium));
    }

    /** A third-party line as the SIP core registers it. */
    static UplinkAccount uplink(ThirdPartyLine line) {
        return new UplinkAccount(line.e164(), line.accountId(), line.login(), line.password(), line.server(), line.port(),
                line.transport(), line.expiresSeconds(), line.enabled());
    }
}
