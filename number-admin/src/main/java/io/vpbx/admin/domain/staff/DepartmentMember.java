package io.vpbx.admin.domain.staff;

import java.util.Objects;

/** One employee in a department's ring list, rung for {@code ringSeconds} when the strategy gets to them. */
public record DepartmentMember(String employeeId, int ringSeconds) {
    public static final int MIN_RING_SECONDS = 5;
    public static final int MAX_RING_SECONDS = 300;
    public static final int DEFAULT_RING_SECONDS = 20;

    public DepartmentMember {
        Objects.requireNonNull(employeeId, "employeeId");
        if (ringSeconds < MIN_RING_SECONDS || ringSeconds > MAX_RING_SECONDS) {
            throw new IllegalArgumentException("ring seconds must be " + MIN_RING_SECONDS + ".." + MAX_RING_SECONDS
                    + ", got " + ringSeconds);
        }
    }
}
