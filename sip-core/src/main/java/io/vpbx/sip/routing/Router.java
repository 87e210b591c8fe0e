package io.vpbx.sip.routing;

import io.vpbx.telephony.forwarding.RingStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Routes an INVITE that a trunk sent to one of our numbers, from the routing table alone: a short script
 * of named steps, checked against RFC 3261 section 16 by the proxy around it (Max-Forwards, loops and
 * Record-Route are the proxy's). Checks first (known trunk, known number, the trunk's tenant, compliance),
 * then the target (by the number's schedule at the call's instant, when it has one) turned into ring steps, then
 * the fallback.
 */
public final class Router {
    private final RoutingTable table;
    private final Location location;
    private final RingMemory memory;
    private final RandomGenerator random;

    public Router(RoutingTable table, Location location, RingMemory memory, RandomGenerator random) {
        this.table = table;
        this.location = location;
        this.memory = memory;
        this.random = random;
    }

    /** {@code now}: the instant the call arrived, for a number whose forwarding follows a schedule. */
    public RouteDecision route(String sourceAddress, String dialedE164, Instant now) {
        Optional<TrunkEntry> trunk = table.trunkFrom(sourceAddress);
        if (trunk.isEmpty()) {
            return new RouteDecision.Reject(403, "Forbidden (not a known trunk)");
        }
        Optional<RouteEntry> found = table.number(dialedE164);
        // Another tenant's number is answered exactly like an unknown one: a tenant's trunk learns nothing.
        if (found.isEmpty() || !reachableThrough(trunk.get(), found.get())) {
            return new RouteDecision.Reject(404, "Not Found");
        }
        return ring(found.get(), now);
    }

    /**
     * Routes a call forwarded to another of our numbers (a platform PBX): that number's own rules apply,
     * including its compliance permissions and its schedule at {@code now}; no trunk is involved.
     */
    public RouteDecision routeOnPlatform(String e164, Instant now) {
        Optional<RouteEntry> found = table.number(e164);
        if (found.isEmpty()) {
            return new RouteDecision.Reject(404, "Not Found");
        }
        return ring(found.get(), now);
    }

    private RouteDecision ring(RouteEntry entry, Instant now) {
        if (!entry.inbound()) {
            return new RouteDecision.Reject(403, "Forbidden (" + entry.reason() + ")");
        }
        ScheduleChoice.Branch branch = branch(entry, now);
        Target target = branch == ScheduleChoice.Branch.CLOSED ? entry.schedule().closed() : entry.target();
        return new RouteDecision.Ring(entry, steps(target, entry.ringSeconds()), entry.fallback(), branch);
    }

    /**
     * Open or closed hours by the number's schedule at {@code now}. A schedule the table does not hold (deleted while
     * a number still named it, which the admin side refuses) counts as open: the number's own target takes the call.
     */
    private ScheduleChoice.Branch branch(RouteEntry entry, Instant now) {
        if (entry.schedule() == null) {
            return ScheduleChoice.Branch.ALL_HOURS;
        }
        return table.schedule(entry.schedule().scheduleId())
                .filter(schedule -> !schedule.isOpen(now))
                .map(closed -> ScheduleChoice.Branch.CLOSED)
                .orElse(ScheduleChoice.Branch.OPEN);
    }

    private static boolean reachableThrough(TrunkEntry trunk, RouteEntry entry) {
        return trunk.accountId() == null || trunk.accountId().equals(entry.accountId());
    }

    /**
     * The ring steps of a target as a number forwarding to it would ring it (a scenario's {@code forward} step uses
     * the same): an employee's phones, a department by its strategy, an external PBX's URIs in order, a number
     * through the trunk, another platform number or scenario as one leg to expand. {@code ringSeconds} is the ring
     * time of the steps that have none of their own (all but a department's members).
     */
    public List<RingStep> steps(Target target, int ringSeconds) {
        if (target instanceof Target.Employee e) {
            List<Leg> legs = employeeLegs(e.employeeId());
            return legs.isEmpty() ? List.of() : List.of(new RingStep(legs, ringSeconds, false));
        }
        if (target instanceof Target.Department d) {
            return table.department(d.departmentId()).map(this::departmentSteps).orElse(List.of());
        }
        if (target instanceof Target.ExternalPbx x) {
            List<RingStep> steps = new ArrayList<>();
            for (String uri : x.uris()) {
                steps.add(new RingStep(List.of(new Leg(Leg.Kind.SIP_URI, uri, null)), ringSeconds, false));
            }
            return steps;
        }
        if (target instanceof Target.ExternalNumber n) {
            return List.of(new RingStep(List.of(new Leg(Leg.Kind.TRUNK_NUMBER, n.e164(), null)), ringSeconds, false));
        }
        if (target instanceof Target.PlatformNumber p) {
            return List.of(new RingStep(List.of(new Leg(Leg.Kind.PLATFORM_NUMBER, p.e164(), null)), ringSeconds, false));
        }
        if (target instanceof Target.Scenario s) {
            return List.of(new RingStep(List.of(new Leg(Leg.Kind.SCENARIO, s.scenarioId(), null)), ringSeconds, false));
        }
        return List.of();
    }

    /** Every registered phone of the employee, and their external mobile when configured: one parallel fork. */
    private List<Leg> employeeLegs(String employeeId) {
        List<Leg> legs = new ArrayList<>();
        location.contactsOf(employeeId).forEach(uri -> legs.add(Leg.contact(uri, employeeId)));
        table.mobileOf(employeeId).ifPresent(mobile -> legs.add(new Leg(Leg.Kind.TRUNK_NUMBER, mobile, employeeId)));
        return legs;
    }

    /** Members without a registration are skipped; the order depends on the strategy. */
    private List<RingStep> departmentSteps(DepartmentPlan plan) {
        List<DepartmentPlan.Member> order = order(plan);
        List<RingStep> steps = new ArrayList<>();
        if (plan.strategy() == RingStrategy.RING_ALL) {
            List<Leg> legs = new ArrayList<>();
            int ring = 0;
            for (DepartmentPlan.Member member : order) {
                List<Leg> memberLegs = employeeLegs(member.employeeId());
                if (!memberLegs.isEmpty()) {
                    legs.addAll(memberLegs);
                    ring = Math.max(ring, member.ringSeconds());
                }
            }
            return legs.isEmpty() ? List.of() : List.of(new RingStep(legs, ring, false));
        }
        for (DepartmentPlan.Member member : order) {
            List<Leg> legs = employeeLegs(member.employeeId());
            if (!legs.isEmpty()) {
                steps.add(new RingStep(legs, member.ringSeconds(), true));
            }
        }
        if (!steps.isEmpty() && plan.strategy() == RingStrategy.ROUND_ROBIN) {
            memory.startedWith(plan.departmentId(), steps.get(0).legs().get(0).employeeId());
        }
        return steps;
    }

    private List<DepartmentPlan.Member> order(DepartmentPlan plan) {
        List<DepartmentPlan.Member> members = new ArrayList<>(plan.members());
        switch (plan.strategy()) {
            case MEMORY_HUNT -> rotateAfter(members, memory.lastAnswered(plan.departmentId()), false);
            case ROUND_ROBIN -> rotateAfter(members, memory.lastFirst(plan.departmentId()), true);
            case RANDOM -> {
                for (int i = members.size() - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    DepartmentPlan.Member swap = members.get(i);
                    members.set(i, members.get(j));
                    members.set(j, swap);
                }
            }
            case LEAST_RECENT -> members.sort(Comparator.comparingLong(m -> memory.lastCall(m.employeeId())));
            default -> { }
        }
        return members;
    }

    /**
     * Memory hunt starts with the member who answered last; round robin with the one after the member rung
     * first last time.
     */
    private static void rotateAfter(List<DepartmentPlan.Member> members, String employeeId, boolean skipIt) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).employeeId().equals(employeeId)) {
                java.util.Collections.rotate(members, -(skipIt ? i + 1 : i));
                return;
            }
        }
    }
}
