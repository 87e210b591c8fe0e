package io.vpbx.admin.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DepartmentFieldsTest {

    private static void refused(String field, Runnable read) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, read::run);
        assertEquals(field, e.field());
    }

    @Test
    void everyStrategyIsReadByItsWireName() {
        for (RingStrategy strategy : RingStrategy.values()) {
            assertEquals(strategy, DepartmentFields.strategy("strategy", strategy.wireName()));
        }
        assertEquals(RingStrategy.LEAST_RECENT, DepartmentFields.strategy("strategy", "least_recent"));
        refused("strategy", () -> DepartmentFields.strategy("strategy", "RING_ALL"));
        refused("strategy", () -> DepartmentFields.strategy("strategy", "ring_some"));
        refused("strategy", () -> DepartmentFields.strategy("strategy", null));
    }

    @Test
    void memberRingsTwentySecondsUnlessToldFiveToThreeHundred() {
        assertEquals(new DepartmentMember("e-1", 20), DepartmentFields.member("members[0]", "e-1", null));
        assertEquals(new DepartmentMember("e-1", 5), DepartmentFields.member("members[0]", "e-1", 5));
        assertEquals(new DepartmentMember("e-1", 300), DepartmentFields.member("members[0]", "e-1", 300));
        refused("members[3].ring_seconds", () -> DepartmentFields.member("members[3]", "e-1", 4));
        refused("members[3].ring_seconds", () -> DepartmentFields.member("members[3]", "e-1", 301));
        refused("members[1].employee_id", () -> DepartmentFields.member("members[1]", " ", 20));
        refused("members[1].employee_id", () -> DepartmentFields.member("members[1]", null, 20));
    }

    @Test
    void aDepartmentHoldsAtMostOneHundredDistinctMembers() {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        List<DepartmentMember> hundred = IntStream.range(0, 100)
                .mapToObj(i -> new DepartmentMember("e-" + i, 20)).toList();
        assertEquals(100, new Department("d", "a", "Sales", null, RingStrategy.RING_ALL, hundred, t, t).members().size());
        List<DepartmentMember> tooMany = IntStream.range(0, 101)
                .mapToObj(i -> new DepartmentMember("e-" + i, 20)).toList();
        assertThrows(IllegalArgumentException.class,
                () -> new Department("d", "a", "Sales", null, RingStrategy.RING_ALL, tooMany, t, t));
        assertThrows(IllegalArgumentException.class, () -> new Department("d", "a", "Sales", null, RingStrategy.RING_ALL,
                List.of(new DepartmentMember("e-1", 20), new DepartmentMember("e-1", 30)), t, t));
    }
}
