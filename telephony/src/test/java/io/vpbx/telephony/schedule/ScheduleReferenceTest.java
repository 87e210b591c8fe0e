package io.vpbx.telephony.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property style, without a property library: seeded random schedules and instants (half of them within hours of a
 * DST transition) checked against a reference that walks the timeline minute by minute and asks only "what does the
 * wall clock read": a range of date d opens at the first minute the clock reads d+from or later and closes at the
 * first minute it reads d+to (d+1 00:00 for 00:00) or later. A failure prints the seed, the zone and the instant.
 */
class ScheduleReferenceTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Moscow"), ZoneId.of("Asia/Shanghai"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"));
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SEED = 20261207L;

    @Test
    void isOpenAgreesWithTheWallClockWalk() {
        SplittableRandom random = new SplittableRandom(SEED);
        int compared = 0;
        for (int round = 0; round < 60; round++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Schedule schedule = randomSchedule(random, zone);
            for (int i = 0; i < 40; i++) {
                Instant instant = randomInstant(random, zone);
                assertEquals(reference(schedule, instant), schedule.isOpen(instant),
                        "seed " + SEED + " round " + round + ": " + zone + " at " + instant + " " + schedule);
                compared++;
            }
        }
        assertEquals(2400, compared);
    }

    @Test
    void nextChangeIsWhereTheWallClockWalkChanges() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int round = 0; round < 40; round++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Schedule schedule = randomSchedule(random, zone);
            for (int i = 0; i < 10; i++) {
                Instant instant = randomInstant(random, zone);
                Optional<Instant> change = schedule.nextChange(instant);
                String what = "seed " + SEED + " round " + round + ": " + zone + " from " + instant + " " + schedule;
                if (change.isEmpty()) {
                    continue;
                }
                Instant next = change.get();
                boolean before = reference(schedule, instant);
                assertNotEquals(before, reference(schedule, next), what + " changes at " + next);
                Instant lastMinute = next.minus(1, ChronoUnit.MINUTES);
                if (lastMinute.isAfter(instant)) {
                    assertEquals(before, reference(schedule, lastMinute), what + ": a minute before " + next);
                }
                for (int probe = 0; probe < 5; probe++) {
                    long span = next.getEpochSecond() - instant.getEpochSecond();
                    Instant between = instant.plusSeconds(random.nextLong(Math.max(1, span)));
                    assertEquals(before, reference(schedule, between), what + ": no change yet at " + between);
                }
            }
        }
    }

    /** The wall-clock walk: open when some range of the day before, the day or the day after holds the instant. */
    private static boolean reference(Schedule schedule, Instant instant) {
        LocalDate today = LocalDate.ofInstant(instant, schedule.zone());
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            for (TimeRange range : schedule.hoursOn(day)) {
                LocalDateTime end = range.to().equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay() : day.atTime(range.to());
                Instant opens = firstMinuteReading(schedule.zone(), day.atTime(range.from()));
                Instant closes = firstMinuteReading(schedule.zone(), end);
                if (!instant.isBefore(opens) && instant.isBefore(closes)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Walks minute by minute from well before {@code wall} until the zone's clock reads it or later. */
    private static Instant firstMinuteReading(ZoneId zone, LocalDateTime wall) {
        Instant minute = wall.toInstant(ZoneOffset.UTC).minus(15, ChronoUnit.HOURS);
        while (LocalDateTime.ofInstant(minute, zone).isBefore(wall)) {
            minute = minute.plus(1, ChronoUnit.MINUTES);
        }
        return minute;
    }

    /** Up to three ranges a day on quarter hours, some days closed, some ending at 00:00, and a few exceptions. */
    private static Schedule randomSchedule(SplittableRandom random, ZoneId zone) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(5) > 0) {
                week.put(day, randomRanges(random));
            }
        }
        List<DateException> exceptions = new ArrayList<>();
        LocalDate date = LocalDate.of(2026, 1, 1);
        for (int i = random.nextInt(6); i > 0; i--) {
            date = date.plusDays(1 + random.nextInt(90));
            exceptions.add(new DateException(date, "day " + i, random.nextBoolean() ? List.of() : randomRanges(random)));
        }
        return new Schedule("s", "a", "random", zone, week, exceptions);
    }

    private static List<TimeRange> randomRanges(SplittableRandom random) {
        List<TimeRange> ranges = new ArrayList<>();
        int quarter = random.nextInt(8);
        for (int n = 1 + random.nextInt(3); n > 0 && quarter < 95; n--) {
            int from = quarter + random.nextInt(4);
            int to = Math.min(96, from + 1 + random.nextInt(40));
            ranges.add(new TimeRange(LocalTime.MIN.plusMinutes(15L * from), LocalTime.MIN.plusMinutes(15L * (to % 96))));
            quarter = to + 1 + random.nextInt(8);
        }
        return ranges;
    }

    /** Anywhere in 2026, or half the time within three hours of one of the zone's transitions that year. */
    private static Instant randomInstant(SplittableRandom random, ZoneId zone) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition next = zone.getRules().nextTransition(YEAR_START);
        while (next != null && next.getInstant().isBefore(YEAR_START.plus(366, ChronoUnit.DAYS))) {
            transitions.add(next);
            next = zone.getRules().nextTransition(next.getInstant());
        }
        if (!transitions.isEmpty() && random.nextBoolean()) {
            Instant transition = transitions.get(random.nextInt(transitions.size())).getInstant();
            return transition.plusSeconds(random.nextLong(-3 * 3600, 3 * 3600));
        }
        return YEAR_START.plusSeconds(random.nextLong(365L * 24 * 3600));
    }
}
