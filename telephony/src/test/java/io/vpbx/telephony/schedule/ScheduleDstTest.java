package io.vpbx.telephony.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Opening and closing across the DST transitions of 2026: Europe/Berlin springs forward on 29 March (02:00 CET
 * becomes 03:00 CEST at 01:00Z) and falls back on 25 October (03:00 CEST becomes 02:00 CET at 01:00Z);
 * America/New_York on 8 March (07:00Z) and 1 November (06:00Z). Moscow and Shanghai keep one offset all year.
 */
class ScheduleDstTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aRangeOverTheSkippedHourIsOneRealHourLong() {
        Schedule s = sundays(BERLIN, range("01:00", "03:00"));
        assertFalse(s.isOpen(at("2026-03-28T23:59:59Z")));
        assertTrue(s.isOpen(at("2026-03-29T00:00:00Z")), "01:00 CET");
        assertTrue(s.isOpen(at("2026-03-29T00:59:59Z")), "01:59:59 CET, the last second before the jump");
        assertFalse(s.isOpen(at("2026-03-29T01:00:00Z")), "03:00 CEST: closed");
        assertEquals(Optional.of(at("2026-03-29T00:00:00Z")), s.nextChange(at("2026-03-28T20:00:00Z")));
        assertEquals(Optional.of(at("2026-03-29T01:00:00Z")), s.nextChange(at("2026-03-29T00:00:00Z")));
    }

    @Test
    void aStartTheClockSkipsIsReachedWhenTheClockJumpsPastIt() {
        Schedule s = sundays(BERLIN, range("02:30", "04:00"));
        assertFalse(s.isOpen(at("2026-03-29T00:59:59Z")), "01:59:59 CET");
        assertTrue(s.isOpen(at("2026-03-29T01:00:00Z")), "03:00 CEST: already past 02:30");
        assertFalse(s.isOpen(at("2026-03-29T02:00:00Z")), "04:00 CEST");
        Schedule insideTheGap = sundays(BERLIN, range("02:10", "02:50"));
        assertEquals(Optional.empty(), insideTheGap.nextChange(at("2026-03-28T12:00:00Z")).filter(
                change -> change.isBefore(at("2026-04-01T00:00:00Z"))), "a range wholly inside the gap never opens that day");
        assertEquals(Optional.of(at("2026-04-05T00:10:00Z")), insideTheGap.nextChange(at("2026-03-28T12:00:00Z")),
                "the next Sunday it opens at 02:10 CEST");
    }

    @Test
    void aRangeOverTheRepeatedHourIsOpenBothTimes() {
        Schedule s = sundays(BERLIN, range("02:00", "03:00"));
        assertFalse(s.isOpen(at("2026-10-24T23:59:59Z")), "01:59:59 CEST");
        assertTrue(s.isOpen(at("2026-10-25T00:00:00Z")), "02:00 CEST, the first time");
        assertTrue(s.isOpen(at("2026-10-25T01:30:00Z")), "02:30 CET, the second time");
        assertFalse(s.isOpen(at("2026-10-25T02:00:00Z")), "03:00 CET");
        assertEquals(Optional.of(at("2026-10-25T02:00:00Z")), s.nextChange(at("2026-10-25T00:00:00Z")), "two real hours");
    }

    @Test
    void anEndInTheRepeatedHourIsTheFirstTimeTheClockShowsIt() {
        Schedule s = sundays(BERLIN, range("01:00", "02:30"));
        assertTrue(s.isOpen(at("2026-10-24T23:00:00Z")), "01:00 CEST");
        assertFalse(s.isOpen(at("2026-10-25T00:30:00Z")), "02:30 CEST");
        assertFalse(s.isOpen(at("2026-10-25T01:15:00Z")), "02:15 CET: closed, not open again");
        assertEquals(Optional.of(at("2026-10-25T00:30:00Z")), s.nextChange(at("2026-10-25T00:00:00Z")));
        assertEquals(Optional.of(at("2026-11-01T00:00:00Z")), s.nextChange(at("2026-10-25T00:30:00Z")),
                "next Sunday 01:00 CET");
    }

    @Test
    void rangesEndingAtMidnightCloseAtTheNextDaysStart() {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SATURDAY, List.of(range("22:00", "00:00")));
        week.put(DayOfWeek.SUNDAY, List.of(range("00:00", "01:30")));
        Schedule s = new Schedule("s", "a", "nights", BERLIN, week, List.of());
        assertTrue(s.isOpen(at("2026-03-28T22:59:59Z")), "23:59:59 CET Saturday");
        assertTrue(s.isOpen(at("2026-03-28T23:00:00Z")), "00:00 Sunday: the touching range goes on");
        assertEquals(Optional.of(at("2026-03-29T00:30:00Z")), s.nextChange(at("2026-03-28T21:00:00Z")),
                "touching ranges are one opening: 22:00 Saturday to 01:30 Sunday CET");
        Schedule saturdayOnly = new Schedule("s", "a", "late", BERLIN,
                Map.of(DayOfWeek.SATURDAY, List.of(range("20:00", "00:00"))), List.of());
        assertEquals(Optional.of(at("2026-10-24T22:00:00Z")), saturdayOnly.nextChange(at("2026-10-24T19:00:00Z")),
                "00:00 CEST on the day the clocks go back");
        assertFalse(saturdayOnly.isOpen(at("2026-10-24T22:00:00Z")));
    }

    @Test
    void newYorkSpringForward() {
        Schedule s = sundays(NEW_YORK, range("01:00", "03:00"));
        assertTrue(s.isOpen(at("2026-03-08T06:00:00Z")), "01:00 EST");
        assertTrue(s.isOpen(at("2026-03-08T06:59:59Z")));
        assertFalse(s.isOpen(at("2026-03-08T07:00:00Z")), "03:00 EDT");
        Schedule gapStart = sundays(NEW_YORK, range("02:15", "09:00"));
        assertEquals(Optional.of(at("2026-03-08T07:00:00Z")), gapStart.nextChange(at("2026-03-08T00:00:00Z")));
    }

    @Test
    void newYorkFallBack() {
        Schedule s = sundays(NEW_YORK, range("01:00", "02:00"));
        assertTrue(s.isOpen(at("2026-11-01T05:00:00Z")), "01:00 EDT");
        assertTrue(s.isOpen(at("2026-11-01T06:30:00Z")), "01:30 EST, the second time");
        assertFalse(s.isOpen(at("2026-11-01T07:00:00Z")), "02:00 EST");
        Schedule early = sundays(NEW_YORK, range("00:00", "01:30"));
        assertTrue(s.isOpen(at("2026-11-01T05:15:00Z")));
        assertFalse(early.isOpen(at("2026-11-01T05:30:00Z")), "01:30 EDT");
        assertFalse(early.isOpen(at("2026-11-01T06:15:00Z")), "01:15 EST: closed, not open again");
    }

    @Test
    void moscowAndShanghaiKeepTheirHoursAllYear() {
        for (ZoneId zone : List.of(ZoneId.of("Europe/Moscow"), ZoneId.of("Asia/Shanghai"))) {
            Schedule s = weekdays(zone, range("09:00", "18:00"));
            for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
                boolean weekday = day.getDayOfWeek().getValue() <= 5;
                Instant nine = day.atTime(9, 0).atZone(zone).toInstant();
                Instant six = day.atTime(18, 0).atZone(zone).toInstant();
                assertEquals(weekday, s.isOpen(nine), zone + " " + day + " 09:00");
                assertEquals(weekday, s.isOpen(six.minusSeconds(1)), zone + " " + day + " 17:59:59");
                assertFalse(s.isOpen(six), zone + " " + day + " 18:00");
                if (weekday) {
                    assertEquals(Optional.of(six), s.nextChange(nine), zone + " " + day);
                    assertEquals(9 * 3600, six.getEpochSecond() - nine.getEpochSecond(), "no DST: always nine hours");
                }
            }
        }
        Schedule moscow = weekdays(ZoneId.of("Europe/Moscow"), range("09:00", "18:00"));
        assertTrue(moscow.isOpen(at("2026-07-01T06:00:00Z")), "Moscow is UTC+3 in summer too");
        assertTrue(weekdays(ZoneId.of("Asia/Shanghai"), range("09:00", "18:00")).isOpen(at("2026-07-01T01:00:00Z")));
    }

    @Test
    void anExceptionReplacesTheWeekForItsDate() {
        Schedule s = new Schedule("s", "a", "office", ZoneId.of("Europe/Moscow"),
                weekdays(ZoneId.of("Europe/Moscow"), range("09:00", "18:00")).week(), List.of(
                        new DateException(LocalDate.of(2026, 12, 31), "New Year's Eve", List.of(range("09:00", "15:00"))),
                        new DateException(LocalDate.of(2027, 1, 1), "New Year", List.of()),
                        new DateException(LocalDate.of(2027, 1, 2), "stock-taking Saturday", List.of(range("10:00", "12:00")))));
        ZoneOffset msk = ZoneOffset.ofHours(3);
        assertTrue(s.isOpen(LocalDate.of(2026, 12, 31).atTime(14, 59).toInstant(msk)));
        assertFalse(s.isOpen(LocalDate.of(2026, 12, 31).atTime(15, 0).toInstant(msk)), "short day");
        assertFalse(s.isOpen(LocalDate.of(2027, 1, 1).atTime(12, 0).toInstant(msk)), "a Friday holiday");
        assertTrue(s.isOpen(LocalDate.of(2027, 1, 2).atTime(11, 0).toInstant(msk)), "a Saturday worked");
        assertEquals(Optional.of(LocalDate.of(2027, 1, 2).atTime(10, 0).toInstant(msk)),
                s.nextChange(LocalDate.of(2026, 12, 31).atTime(15, 0).toInstant(msk)));
        assertEquals(List.of(), s.hoursOn(LocalDate.of(2027, 1, 1)));
        assertTrue(s.isOpen(LocalDate.of(2027, 1, 4).atTime(9, 0).toInstant(msk)), "the week again on Monday");
    }

    @Test
    void aScheduleThatNeverChangesHasNoNextChange() {
        Schedule never = new Schedule("s", "a", "closed", BERLIN, Map.of(), List.of());
        assertEquals(Optional.empty(), never.nextChange(at("2026-03-28T00:00:00Z")));
        Map<DayOfWeek, List<TimeRange>> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            always.put(day, List.of(range("00:00", "00:00")));
        }
        Schedule open = new Schedule("s", "a", "always", BERLIN, always, List.of());
        assertTrue(open.isOpen(at("2026-03-29T01:00:00Z")));
        assertEquals(Optional.empty(), open.nextChange(at("2026-03-28T00:00:00Z")));
        Schedule far = new Schedule("s", "a", "once", BERLIN, Map.of(),
                List.of(new DateException(LocalDate.of(2027, 6, 1), "open day", List.of(range("10:00", "11:00")))));
        assertEquals(Optional.of(at("2027-06-01T08:00:00Z")), far.nextChange(at("2026-03-28T00:00:00Z")));
    }

    static TimeRange range(String from, String to) {
        return new TimeRange(LocalTime.parse(from), LocalTime.parse(to));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Schedule sundays(ZoneId zone, TimeRange range) {
        return new Schedule("s", "a", "sundays", zone, Map.of(DayOfWeek.SUNDAY, List.of(range)), List.of());
    }

    private static Schedule weekdays(ZoneId zone, TimeRange range) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(range));
        }
        return new Schedule("s", "a", "weekdays", zone, week, List.of());
    }
}
