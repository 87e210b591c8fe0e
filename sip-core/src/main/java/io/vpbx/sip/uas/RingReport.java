package io.vpbx.sip.uas;

import io.vpbx.sip.routing.DepartmentPlan;
import io.vpbx.sip.routing.Leg;
import io.vpbx.sip.routing.Location;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.uas.SimulatedCall.Entry;
import io.vpbx.sip.uas.SimulatedCall.Kind;
import io.vpbx.sip.uas.SimulatedCall.Phone;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the ring steps the router chose for a target as simulation entries: each step's phones with their
 * registration state, the employees skipped for want of a registered phone, and the warnings an administrator should
 * see (a department or employee nobody can be rung at, an order that depends on past calls). Reads the routing
 * snapshot and the registrar's bindings; decides nothing itself.
 */
final class RingReport {
    /** One step as rung: these legs together for {@code ringSeconds}. */
    record Step(List<Leg> legs, int ringSeconds) {
    }

    private final RoutingTable table;
    private final Location location;

    RingReport(RoutingTable table, Location location) {
        this.table = table;
        this.location = location;
    }

    void report(Target target, List<Step> steps, Consumer<Entry> entries, Consumer<String> warnings) {
        int order = 0;
        for (Step step : steps) {
            order++;
            List<Phone> phones = step.legs().stream().map(RingReport::phone).toList();
            entries.accept(new Entry(Kind.RING, "ring step " + order + ": " + phones.size() + " at once for "
                    + step.ringSeconds() + " s", null, phones, step.ringSeconds(), List.of()));
        }
        switch (target) {
            case Target.Employee employee -> {
                if (location.contactsOf(employee.employeeId()).isEmpty()) {
                    warnings.accept("employee " + employee.employeeId() + " has no registered phone at this time"
                            + (steps.isEmpty() ? "" : " (only the mobile rings)"));
                }
            }
            case Target.Department department -> table.department(department.departmentId()).ifPresentOrElse(
                    plan -> department(plan, steps.isEmpty(), entries, warnings),
                    () -> warnings.accept("department " + department.departmentId() + " no longer exists"));
            default -> {
                if (steps.isEmpty() && !(target instanceof Target.None)) {
                    warnings.accept("nothing can be rung for this target");
                }
            }
        }
    }

    private void department(DepartmentPlan plan, boolean nobody, Consumer<Entry> entries, Consumer<String> warnings) {
        for (DepartmentPlan.Member member : plan.members()) {
            if (location.contactsOf(member.employeeId()).isEmpty() && table.mobileOf(member.employeeId()).isEmpty()) {
                entries.accept(Entry.of(Kind.SKIPPED, "employee " + member.employeeId() + " of department "
                        + plan.departmentId() + " has no registered phone: skipped"));
            }
        }
        if (nobody) {
            warnings.accept("department " + plan.departmentId() + " has no registered phone at this time");
        }
        if (plan.strategy() != RingStrategy.RING_ALL && plan.strategy() != RingStrategy.HUNT_IN_ORDER) {
            warnings.accept("department " + plan.departmentId() + " rings by " + plan.strategy().wireName()
                    + ": the order shown is as if no call had been taken before");
        }
    }

    private static Phone phone(Leg leg) {
        return new Phone(leg.employeeId(), leg.kind().name().toLowerCase(java.util.Locale.ROOT), leg.destination(),
                leg.kind() == Leg.Kind.CONTACT);
    }
}
