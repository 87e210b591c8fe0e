package io.vpbx.telephony.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A schedule's hours as instants on the timeline. A range of a local date is open from the first instant the wall
 * clock of the zone reaches {@code from} until the first instant it reaches {@code to} (00:00: the next day's start):
 * <ul>
 *   <li>a time the clock skips (spring forward) is reached when the clock jumps past it, at the transition;</li>
 *   <li>a time the clock shows twice (autumn) is reached the first time: 01:00-02:30 closes at the first 02:30 and
 *       stays closed through the repeated half hour; 02:00-03:00 is open both passes, two real hours.</li>
 * </ul>
 * The week's hours of a day are replaced by the date's exception when it has one.
 */
final class OpenIntervals {
    /** How far past the last exception or today a search for the next change looks: one week repeats after that. */
    private static final int WEEK_DAYS = 8;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Map<DayOfWeek, List<TimeRange>> week;
    private final List<DateException> exceptions;

    /** Reads the schedule as it is (no copy: an exception list is short, a lookup scans it). */
    OpenIntervals(Schedule schedule) {
        this.zone = schedule.zone();
        this.rules = schedule.zone().getRules();
        this.week = schedule.week();
        this.exceptions = schedule.exceptions();
    }

    /** The hours of one local date: the exception's if the date has one, else the week's. */
    List<TimeRange> hoursOn(LocalDate date) {
        for (DateException exception : exceptions) {
            if (exception.date().equals(date)) {
                return exception.open();
            }
        }
        return week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    private LocalDate lastException() {
        LocalDate last = null;
        for (DateException exception : exceptions) {
            last = last == null || exception.date().isAfter(last) ? exception.date() : last;
        }
        return last;
    }

    boolean isOpen(Instant instant) {
        LocalDate today = LocalDate.ofInstant(instant, zone);
        // an interval of date d lies within [start of d, start of d+1]; a neighbour covers the clock's odd hours
        for (LocalDate date = today.minusDays(1); !date.isAfter(today.plusDays(1)); date = date.plusDays(1)) {
            for (TimeRange range : hoursOn(date)) {
                if (!instant.isBefore(opens(date, range)) && instant.isBefore(closes(date, range))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first instant after {@code instant} at which the schedule opens or closes; empty if it never does again. */
    Optional<Instant> nextChange(Instant instant) {
        boolean open = isOpen(instant);
        LocalDate today = LocalDate.ofInstant(instant, zone);
        LocalDate end = today.plusDays(WEEK_DAYS);
        LocalDate lastException = lastException();
        if (lastException != null && lastException.plusDays(WEEK_DAYS).isAfter(end)) {
            end = lastException.plusDays(WEEK_DAYS);
        }
        for (LocalDate date = today.minusDays(1); !date.isAfter(end); date = date.plusDays(1)) {
            for (Instant boundary : boundaries(date)) {
                if (boundary.isAfter(instant) && isOpen(boundary) != open) {
                    return Optional.of(boundary);
                }
            }
        }
        return Optional.empty();
    }

    /** Where the date's ranges open and close, in order (touching ranges give a boundary that changes nothing). */
    private List<Instant> boundaries(LocalDate date) {
        TreeSet<Instant> instants = new TreeSet<>();
        for (TimeRange range : hoursOn(date)) {
            instants.add(opens(date, range));
            instants.add(closes(date, range));
        }
        return new ArrayList<>(instants);
    }

    private Instant opens(LocalDate date, TimeRange range) {
        return reached(date.atTime(range.from()));
    }

    private Instant closes(LocalDate date, TimeRange range) {
        if (range.to().equals(LocalTime.MIDNIGHT)) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return reached(date.atTime(range.to()));
    }

    /** The first instant the zone's wall clock reads {@code local} or later. */
    private Instant reached(LocalDateTime local) {
        if (rules.getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        // in an overlap ofLocal without a preferred offset takes the earlier offset: the first time the clock shows it
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
