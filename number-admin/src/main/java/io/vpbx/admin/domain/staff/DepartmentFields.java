package io.vpbx.admin.domain.staff;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The rules for a department's own fields as they arrive in a request, each naming the field when broken. */
public final class DepartmentFields {
    private static final String STRATEGIES = Arrays.stream(RingStrategy.values())
            .map(RingStrategy::wireName).collect(Collectors.joining(", "));

    private DepartmentFields() {
    }

    public static RingStrategy strategy(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required (" + STRATEGIES + ")");
        }
        try {
            return RingStrategy.fromWire(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + STRATEGIES + "; got '" + value + "'");
        }
    }

    /** One entry of a ring list; {@code field} is the entry's place, e.g. {@code members[2]}. */
    public static DepartmentMember member(String field, String employeeId, Integer ringSeconds) {
        if (employeeId == null || employeeId.isBlank()) {
            throw new InvalidFieldException(field + ".employee_id", "is required");
        }
        return new DepartmentMember(employeeId.trim(), ringSeconds(field + ".ring_seconds", ringSeconds));
    }

    /** Seconds to ring one member, 5..300; {@value DepartmentMember#DEFAULT_RING_SECONDS} when not given. */
    public static int ringSeconds(String field, Integer value) {
        if (value == null) {
            return DepartmentMember.DEFAULT_RING_SECONDS;
        }
        if (value < DepartmentMember.MIN_RING_SECONDS || value > DepartmentMember.MAX_RING_SECONDS) {
            throw new InvalidFieldException(field, "must be " + DepartmentMember.MIN_RING_SECONDS + ".."
                    + DepartmentMember.MAX_RING_SECONDS + " seconds, got " + value);
        }
        return value;
    }
}
