package io.vpbx.sip.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.schedule.DateException;
import io.vpbx.telephony.schedule.Schedule;
import io.vpbx.telephony.schedule.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A number forwarding by working hours (Moscow, weekdays 09:00-18:00, 31 December until 15:00, 1 January closed):
 * the router picks the open or the closed target from the call's instant, from the table alone.
 */
class ScheduledRoutingTest {
    private static final String CARRIER = "10.0.0.1";
    private static final String NUMBER = "+74951230001";
    private static final String OFFICE = "sch-office";

    private final RoutingTable table = new RoutingTable();
    private final Map<String, List<String>> registered = Map.of("reception", List.of("sip:reception@10.0.0.5"),
            "night", List.of("sip:night@10.0.0.6"));
    private final Router router = new Router(table, id -> registered.getOrDefault(id, List.of()), new RingMemory(), new Random(7));

    @BeforeEach
    void table() {
        table.put(new TrunkEntry("carrier", CARRIER, null));
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        table.put(new Schedule(OFFICE, "acme", "Office", ZoneId.of("Europe/Moscow"), week, List.of(
                new DateException(LocalDate.of(2026, 12, 31), "New Year's Eve", List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(15, 0)))),
                new DateException(LocalDate.of(2027, 1, 1), "New Year", List.of()))));
    }

    private void number(ScheduleChoice choice) {
        table.put(new RouteEntry(NUMBER, "acme", true, true, "active", new Target.Employee("reception"), 20,
                new Fallback.HangUp(486), choice));
    }

    private RouteDecision.Ring ringAt(String instant) {
        return assertInstanceOf(RouteDecision.Ring.class, router.route(CARRIER, NUMBER, Instant.parse(instant)));
    }

    private static String firstContact(RouteDecision.Ring ring) {
        return ring.steps().get(0).legs().get(0).destination();
    }

    @Test
    void insideHoursTheCallGoesToTheOpenTargetOutsideToTheClosedOne() {
        number(new ScheduleChoice(OFFICE, new Target.Employee("night")));
        RouteDecision.Ring open = ringAt("2026-12-07T06:00:00Z"); // Monday 09:00 MSK
        assertEquals(ScheduleChoice.Branch.OPEN, open.branch());
        assertEquals("sip:reception@10.0.0.5", firstContact(open));
        RouteDecision.Ring evening = ringAt("2026-12-07T15:00:00Z"); // Monday 18:00 MSK
        assertEquals(ScheduleChoice.Branch.CLOSED, evening.branch());
        assertEquals("sip:night@10.0.0.6", firstContact(evening));
        assertEquals(ScheduleChoice.Branch.CLOSED, ringAt("2026-12-05T09:00:00Z").branch(), "Saturday noon");
    }

    @Test
    void aHolidayOverridesTheWeek() {
        number(new ScheduleChoice(OFFICE, new Target.Employee("night")));
        assertEquals(ScheduleChoice.Branch.CLOSED, ringAt("2027-01-01T09:00:00Z").branch(), "a Friday, New Year");
        assertEquals(ScheduleChoice.Branch.OPEN, ringAt("2026-12-31T11:59:00Z").branch(), "14:59 on the short day");
        assertEquals("sip:night@10.0.0.6", firstContact(ringAt("2026-12-31T12:00:00Z")), "15:00 on the short day");
    }

    @Test
    void closedWithoutATargetGoesStraightToTheFallback() {
        number(new ScheduleChoice(OFFICE, null));
        RouteDecision.Ring closed = ringAt("2026-12-06T12:00:00Z"); // Sunday
        assertEquals(ScheduleChoice.Branch.CLOSED, closed.branch());
        assertEquals(List.of(), closed.steps());
        assertEquals(new Fallback.HangUp(486), closed.fallback());
        assertEquals(1, ringAt("2026-12-07T07:00:00Z").steps().size(), "open hours ring the target");
    }

    @Test
    void aNumberWithoutAScheduleRingsItsTargetAtAllHours() {
        number(null);
        RouteDecision.Ring night = ringAt("2026-12-06T23:00:00Z");
        assertEquals(ScheduleChoice.Branch.ALL_HOURS, night.branch());
        assertEquals("sip:reception@10.0.0.5", firstContact(night));
    }

    @Test
    void theScheduleIsReadFromTheTableAtEachCallAndAScheduleTheTableLacksCountsAsOpen() {
        number(new ScheduleChoice(OFFICE, new Target.Employee("night")));
        table.put(new Schedule(OFFICE, "acme", "Office", ZoneId.of("Europe/Moscow"),
                Map.of(DayOfWeek.SUNDAY, List.of(new TimeRange(LocalTime.of(0, 0), LocalTime.MIDNIGHT))), List.of()));
        assertEquals(ScheduleChoice.Branch.OPEN, ringAt("2026-12-06T12:00:00Z").branch(), "Sunday is open now");
        table.removeSchedule(OFFICE);
        assertEquals(Optional.empty(), table.schedule(OFFICE));
        assertEquals(ScheduleChoice.Branch.OPEN, ringAt("2026-12-07T20:00:00Z").branch());
        assertTrue(router.routeOnPlatform(NUMBER, Instant.parse("2026-12-07T20:00:00Z")) instanceof RouteDecision.Ring);
    }

    @Test
    void aForwardToAnotherOfOurNumbersFollowsThatNumbersSchedule() {
        number(new ScheduleChoice(OFFICE, new Target.Employee("night")));
        RouteDecision.Ring onPlatform = assertInstanceOf(RouteDecision.Ring.class,
                router.routeOnPlatform(NUMBER, Instant.parse("2026-12-07T16:00:00Z")));
        assertEquals(ScheduleChoice.Branch.CLOSED, onPlatform.branch());
        assertEquals("sip:night@10.0.0.6", firstContact(onPlatform));
    }
}
