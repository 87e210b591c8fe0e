package io.vpbx.telephony.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A day that does not follow the week: a holiday (closed all day: {@code open} empty) or one-off hours (a short
 * day before a holiday, a Saturday worked). Replaces the week's hours for that local date.
 *
 * @param date the local date in the schedule's zone
 * @param name what it is ("New Year", "inventory"), for people and the simulator
 * @param open the hours open that day; empty for closed all day
 */
public record DateException(LocalDate date, String name, List<TimeRange> open) {

    public DateException {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        open = List.copyOf(open);
    }
}
