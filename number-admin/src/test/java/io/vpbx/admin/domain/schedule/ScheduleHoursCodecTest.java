package io.vpbx.admin.domain.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.telephony.schedule.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The week and exceptions as JSON: what reads back as written, and each refusal naming its field. */
class ScheduleHoursCodecTest {
    private final ScheduleHoursCodec codec = new ScheduleHoursCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    private String refusedField(Runnable read) {
        return assertThrows(InvalidFieldException.class, read::run).field();
    }

    @Test
    void aWeekAndExceptionsReadBackAsWritten() throws Exception {
        JsonNode week = json("{\"mon\":[{\"from\":\"09:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"24:00\"}],\"sun\":[]}");
        var read = codec.readWeek("week", week);
        assertEquals(List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(13, 0)), new TimeRange(LocalTime.of(14, 0), LocalTime.MIDNIGHT)),
                read.get(DayOfWeek.MONDAY));
        assertEquals(week, codec.writeWeek(read));
        JsonNode exceptions = json("[{\"date\":\"2027-01-01\",\"name\":\"New Year\",\"open\":[]},"
                + "{\"date\":\"2027-01-02\",\"name\":\"\",\"open\":[{\"from\":\"00:00\",\"to\":\"00:00\"}]}]");
        assertEquals(json("[{\"date\":\"2027-01-01\",\"name\":\"New Year\",\"open\":[]},"
                + "{\"date\":\"2027-01-02\",\"name\":\"\",\"open\":[{\"from\":\"00:00\",\"to\":\"24:00\"}]}]"),
                codec.writeExceptions(codec.readExceptions("exceptions", exceptions)), "00:00 as an end is written 24:00");
        assertEquals(ZoneId.of("America/New_York"), codec.readZone("time_zone", " America/New_York "));
    }

    @Test
    void refusalsNameTheField() throws Exception {
        assertEquals("time_zone", refusedField(() -> codec.readZone("time_zone", "UTC+3")));
        assertEquals("time_zone", refusedField(() -> codec.readZone("time_zone", "MSK")));
        JsonNode backwards = json("{\"fri\":[{\"from\":\"09:00\",\"to\":\"10:00\"},{\"from\":\"12:00\",\"to\":\"11:00\"}]}");
        assertEquals("week.fri[1].to", refusedField(() -> codec.readWeek("week", backwards)));
        JsonNode overlapping = json("{\"fri\":[{\"from\":\"20:00\",\"to\":\"24:00\"},{\"from\":\"23:00\",\"to\":\"23:30\"}]}");
        assertEquals("week.fri[1]", refusedField(() -> codec.readWeek("week", overlapping)));
        JsonNode touching = json("{\"fri\":[{\"from\":\"09:00\",\"to\":\"12:00\"},{\"from\":\"12:00\",\"to\":\"13:00\"}]}");
        assertEquals(2, codec.readWeek("week", touching).get(DayOfWeek.FRIDAY).size(), "touching ranges do not overlap");
        JsonNode endAsStart = json("{\"mon\":[{\"from\":\"24:00\",\"to\":\"24:00\"}]}");
        assertEquals("week.mon[0].from", refusedField(() -> codec.readWeek("week", endAsStart)));
        JsonNode sloppy = json("{\"mon\":[{\"from\":\"09:00\",\"to\":\"9:30\"}]}");
        assertEquals("week.mon[0].to", refusedField(() -> codec.readWeek("week", sloppy)));
        JsonNode twice = json("[{\"date\":\"2027-01-01\"},{\"date\":\"2027-01-02\"},{\"date\":\"2027-01-01\"}]");
        assertEquals("exceptions[2].date", refusedField(() -> codec.readExceptions("exceptions", twice)));
        JsonNode unknown = json("[{\"date\":\"2027-01-01\",\"closed\":true}]");
        assertEquals("exceptions[0].closed", refusedField(() -> codec.readExceptions("exceptions", unknown)));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= ScheduleHoursCodec.MAX_EXCEPTIONS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"date\":\"").append(java.time.LocalDate.of(2030, 1, 1).plusDays(i)).append("\"}");
        }
        JsonNode tooMany = json(many.append("]").toString());
        assertEquals("exceptions", refusedField(() -> codec.readExceptions("exceptions", tooMany)));
    }
}
