package io.vpbx.telephony.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Working hours of an account: weekly hours in an IANA time zone, and dates that differ (holidays, one-off hours).
 * Used by a scenario's {@code time_condition} and by a number's forwarding (open: one target, closed: another).
 * Pure value, evaluated against an instant in this package.
 *
 * @param id         the schedule's id
 * @param accountId  the owning account
 * @param name       for people
 * @param zone       the zone the hours are in (DST transitions follow it)
 * @param week       open hours per day of the week; a missing day is closed
 * @param exceptions dates that replace the week's hours, at most one per date
 */
public record Schedule(String id, String accountId, String name, ZoneId zone, Map<DayOfWeek, List<TimeRange>> week,
                       List<DateException> exceptions) {

    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
        week = java.util.Collections.unmodifiableMap(copy);
        exceptions = List.copyOf(exceptions);
    }

    /**
     * Whether the schedule is open at {@code instant}: a range is open from the first moment the zone's wall clock
     * reaches its start until the first moment it reaches its end, on its date (see {@link OpenIntervals} for the
     * skipped and repeated hours of DST). A date with an exception follows the exception instead of the week.
     */
    public boolean isOpen(Instant instant) {
        return new OpenIntervals(this).isOpen(instant);
    }

    /** The next instant after {@code instant} at which the schedule opens or closes; empty if it never changes again. */
    public Optional<Instant> nextChange(Instant instant) {
        return new OpenIntervals(this).nextChange(instant);
    }

    /** The hours that apply on a local date: its exception's if it has one, else the week's for that day. */
    public List<TimeRange> hoursOn(LocalDate date) {
        return new OpenIntervals(this).hoursOn(date);
    }
}
