package io.vpbx.sip.routing;

import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.List;

/** A department as the router needs it: members in order, each with a ring time, and the strategy. */
public record DepartmentPlan(String departmentId, RingStrategy strategy, List<Member> members) {

    public record Member(String employeeId, int ringSeconds) {
    }

    public DepartmentPlan {
        members = List.copyOf(members);
    }
}
