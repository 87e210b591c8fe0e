package io.vpbx.sip.routing;

import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.List;

/**
 * A department as the router needs it: members in order, each with a ring time, and the strategy; its account and
 * the extension its colleagues dial it by (null when it has none).
 */
public record DepartmentPlan(String departmentId, RingStrategy strategy, List<Member> members, String accountId,
                             String extension) {

    public record Member(String employeeId, int ringSeconds) {
    }

    public DepartmentPlan {
        members = List.copyOf(members);
    }

    /** A department reached only through a number's forwarding (no extension). */
    public DepartmentPlan(String departmentId, RingStrategy strategy, List<Member> members) {
        this(departmentId, strategy, members, null, null);
    }
}
