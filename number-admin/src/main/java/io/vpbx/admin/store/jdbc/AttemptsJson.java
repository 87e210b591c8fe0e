package io.vpbx.admin.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.telephony.cdr.CallRecord.Attempt;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The attempts column of call_records: a JSON array of objects with snake_case fields. Written by hand, since
 * every call's record is written once on the writer thread and Jackson's tree and generator were a fifth of
 * the writer's time; read with Jackson, as only the API reads it.
 */
final class AttemptsJson {
    private final ObjectMapper mapper;

    AttemptsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(List<Attempt> attempts) {
        StringBuilder json = new StringBuilder(160 * attempts.size() + 2).append('[');
        for (Attempt a : attempts) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"kind\":");
            string(json, a.kind());
            json.append(",\"destination\":");
            string(json, a.destination());
            json.append(",\"employee_id\":");
            string(json, a.employeeId());
            json.append(",\"sip_code\":").append(a.sipCode()).append(",\"outcome\":");
            string(json, a.outcome());
            IsoInstants.append(json.append(",\"started_at\":\""), a.startedAt(), 'T', "Z").append('"');
            IsoInstants.append(json.append(",\"ended_at\":\""), a.endedAt(), 'T', "Z").append("\"}");
        }
        return json.append(']').toString();
    }

    /** A JSON string (RFC 8259: quote, backslash and control characters escaped), or null. */
    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                json.append(value, plainFrom, i);
                plainFrom = i + 1;
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    default -> json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                }
            }
        }
        json.append(value, plainFrom, value.length()).append('"');
    }

    List<Attempt> read(String json) throws SQLException {
        try {
            List<Attempt> attempts = new ArrayList<>();
            for (JsonNode a : mapper.readTree(json)) {
                attempts.add(new Attempt(a.get("kind").asText(), a.get("destination").asText(),
                        a.get("employee_id").isNull() ? null : a.get("employee_id").asText(), a.get("sip_code").asInt(),
                        a.get("outcome").asText(), Instant.parse(a.get("started_at").asText()),
                        Instant.parse(a.get("ended_at").asText())));
            }
            return attempts;
        } catch (IOException | RuntimeException e) {
            throw new SQLException("unreadable call record attempts", e);
        }
    }
}
