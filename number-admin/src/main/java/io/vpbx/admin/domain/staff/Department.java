package io.vpbx.admin.domain.staff;

import io.vpbx.telephony.forwarding.RingStrategy;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered group of an account's employees rung by a {@link RingStrategy}; the order of
 * {@code members} is the hunt order. {@code extension} is optional (null when the department is
 * reached only through a number's forwarding).
 */
public record Department(String id, String accountId, String name, String extension, RingStrategy strategy,
                         List<DepartmentMember> members, Instant createdAt, Instant updatedAt) {
    public static final int MAX_MEMBERS = 100;

    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        members = List.copyOf(members);
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a department has at most " + MAX_MEMBERS + " members");
        }
        Set<String> seen = new HashSet<>();
        for (DepartmentMember member : members) {
            if (!seen.add(member.employeeId())) {
                throw new IllegalArgumentException("employee " + member.employeeId() + " is listed twice");
            }
        }
    }
}
