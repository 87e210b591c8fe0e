package io.vpbx.admin.domain.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.telephony.schedule.DateException;
import io.vpbx.telephony.schedule.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes a schedule's zone, week and exceptions as JSON, the same shape in the API and in storage:
 * <pre>{"mon": [{"from": "09:00", "to": "18:00"}], ...}</pre> and
 * <pre>[{"date": "2027-01-01", "name": "New Year", "open": []}]</pre>. Reading refuses, naming the field
 * ({@code week.mon[0].to}, {@code exceptions[1].date}): a zone that is not an IANA region, a time that is not HH:MM,
 * a range that does not end after it starts (24:00 or 00:00 is the end of the day), ranges of a day that overlap,
 * a date listed twice, and more entries than the limits.
 */
public final class ScheduleHoursCodec {
    public static final int MAX_RANGES_PER_DAY = 12;
    public static final int MAX_EXCEPTIONS = 400;
    private static final int MAX_EXCEPTION_NAME = 200;
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** An IANA zone name ("Europe/Moscow"); offsets ("+03:00") and abbreviations are refused. */
    public ZoneId readZone(String field, String value) {
        String name = FreeText.required(field, value, 64).trim();
        if (!ZONES.contains(name)) {
            throw new InvalidFieldException(field, "must be an IANA time zone such as Europe/Moscow, got '" + name + "'");
        }
        return ZoneId.of(name);
    }

    /** Days by their three-letter names; a day not given is closed. {@code null} is a week closed every day. */
    public Map<DayOfWeek, List<TimeRange>> readWeek(String field, JsonNode node) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        if (node == null || node.isNull()) {
            return week;
        }
        if (!node.isObject()) {
            throw new InvalidFieldException(field, "must be an object of days (mon..sun), each a list of {from, to}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> days = node.fields(); days.hasNext(); ) {
            Map.Entry<String, JsonNode> day = days.next();
            DayOfWeek dayOfWeek = DAYS.get(day.getKey());
            if (dayOfWeek == null) {
                throw new InvalidFieldException(field + "." + day.getKey(), "is not a day: use mon, tue, wed, thu, fri, sat, sun");
            }
            week.put(dayOfWeek, readRanges(field + "." + day.getKey(), day.getValue()));
        }
        return week;
    }

    /** At most {@link #MAX_EXCEPTIONS}, one per date; {@code null} is none. */
    public List<DateException> readExceptions(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidFieldException(field, "must be a list of {date, name, open}");
        }
        if (node.size() > MAX_EXCEPTIONS) {
            throw new InvalidFieldException(field, "at most " + MAX_EXCEPTIONS + " exceptions, got " + node.size());
        }
        List<DateException> exceptions = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String item = field + "[" + i + "]";
            JsonNode entry = node.get(i);
            requireObject(item, entry, Set.of("date", "name", "open"));
            LocalDate date = date(item + ".date", entry.get("date"));
            Integer earlier = seen.putIfAbsent(date, i);
            if (earlier != null) {
                throw new InvalidFieldException(item + ".date", date + " is already listed as " + field + "[" + earlier + "]");
            }
            JsonNode name = entry.get("name");
            if (name != null && !name.isNull() && !name.isTextual()) {
                throw new InvalidFieldException(item + ".name", "must be a string");
            }
            String checkedName = name == null || name.isNull() ? ""
                    : FreeText.optional(item + ".name", name.textValue(), MAX_EXCEPTION_NAME);
            JsonNode open = entry.get("open");
            List<TimeRange> hours = open == null || open.isNull() ? List.of() : readRanges(item + ".open", open);
            exceptions.add(new DateException(date, checkedName == null ? "" : checkedName, hours));
        }
        return exceptions;
    }

    public ObjectNode writeWeek(Map<DayOfWeek, List<TimeRange>> week) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = week.get(day);
            if (ranges != null) {
                node.set(dayName(day), writeRanges(ranges));
            }
        }
        return node;
    }

    public ArrayNode writeExceptions(List<DateException> exceptions) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (DateException exception : exceptions) {
            ObjectNode entry = list.addObject().put("date", exception.date().toString()).put("name", exception.name());
            entry.set("open", writeRanges(exception.open()));
        }
        return list;
    }

    private static ArrayNode writeRanges(List<TimeRange> ranges) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        ranges.forEach(range -> list.addObject().put("from", range.from().toString())
                .put("to", range.to().equals(LocalTime.MIDNIGHT) ? "24:00" : range.to().toString()));
        return list;
    }

    private static List<TimeRange> readRanges(String field, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidFieldException(field, "must be a list of {from, to} (empty: closed)");
        }
        if (node.size() > MAX_RANGES_PER_DAY) {
            throw new InvalidFieldException(field, "at most " + MAX_RANGES_PER_DAY + " ranges a day, got " + node.size());
        }
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String item = field + "[" + i + "]";
            requireObject(item, node.get(i), Set.of("from", "to"));
            LocalTime from = time(item + ".from", node.get(i).get("from"));
            if (from.equals(LocalTime.MIDNIGHT) && "24:00".equals(node.get(i).get("from").textValue())) {
                throw new InvalidFieldException(item + ".from", "24:00 is the end of a day, not a start");
            }
            LocalTime to = time(item + ".to", node.get(i).get("to"));
            if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
                throw new InvalidFieldException(item + ".to", "must be after from (" + from + "); a range never spans "
                        + "midnight: end it at 24:00 and start the next day at 00:00");
            }
            TimeRange range = new TimeRange(from, to);
            for (int j = 0; j < ranges.size(); j++) {
                if (overlap(ranges.get(j), range)) {
                    throw new InvalidFieldException(item, "overlaps " + field + "[" + j + "]");
                }
            }
            ranges.add(range);
        }
        return ranges;
    }

    private static boolean overlap(TimeRange a, TimeRange b) {
        return a.from().isBefore(end(b)) && b.from().isBefore(end(a));
    }

    /** A range's end as a comparable time: 00:00 stands for the end of the day. */
    private static LocalTime end(TimeRange range) {
        return range.to().equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : range.to();
    }

    private static LocalTime time(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!node.isTextual() || !TIME.matcher(node.textValue()).matches()) {
            throw new InvalidFieldException(field, "must be a time HH:MM (00:00..24:00)");
        }
        return node.textValue().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(node.textValue());
    }

    private static LocalDate date(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!node.isTextual() || !DATE.matcher(node.textValue()).matches()) {
            throw new InvalidFieldException(field, "must be a date YYYY-MM-DD");
        }
        try {
            LocalDate date = LocalDate.parse(node.textValue());
            if (date.getYear() < 2000 || date.getYear() > 2199) {
                throw new InvalidFieldException(field, "must be a date in 2000..2199");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "is not a date: " + node.textValue());
        }
    }

    private static void requireObject(String field, JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(field, "must be an object with " + allowed);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidFieldException(field + "." + name, "is not a known field here (expected " + allowed + ")");
            }
        }
    }

    private static String dayName(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
    }
}
