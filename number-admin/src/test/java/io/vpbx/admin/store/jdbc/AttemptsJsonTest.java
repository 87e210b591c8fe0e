package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.telephony.cdr.CallRecord.Attempt;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptsJsonTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");
    private final ObjectMapper mapper = JsonMappers.create();
    private final AttemptsJson json = new AttemptsJson(mapper);

    @Test
    void writesTheFieldsJacksonReadsBackWithQuotesBackslashesAndControlCharactersEscaped() throws Exception {
        List<Attempt> attempts = List.of(
                new Attempt("contact", "sip:\"a\"\\b@h;x=\t\n\r\u0001\u001f", null, 0, "timeout", T0, T0.plusNanos(1)),
                new Attempt("sip_uri", "sip:Пётр@h", "emp-1", 486, "busy", T0.plusSeconds(1), T0.plusSeconds(2)));
        String written = json.write(attempts);

        JsonNode tree = mapper.readTree(written);
        assertEquals(2, tree.size());
        assertEquals("sip:\"a\"\\b@h;x=\t\n\r\u0001\u001f", tree.get(0).get("destination").asText());
        assertEquals(true, tree.get(0).get("employee_id").isNull());
        assertEquals(486, tree.get(1).get("sip_code").asInt());
        assertEquals("2026-11-23T10:00:00.123456001Z", tree.get(0).get("ended_at").asText());
        assertEquals(attempts, json.read(written));
    }

    @Test
    void noAttemptsIsAnEmptyArray() throws Exception {
        assertEquals("[]", json.write(List.of()));
        assertEquals(List.of(), json.read("[]"));
    }
}
