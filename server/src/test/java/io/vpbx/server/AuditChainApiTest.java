package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit log's hash chain over HTTP against a whole server, on H2 and on PostgreSQL: changes made
 * through the API verify, a row changed behind the API's back is named, and the log exports as CSV
 * and JSON, to the operator whole and to an account its own part.
 */
class AuditChainApiTest {
    private static final String OP = RunningServer.OPERATOR_KEY;
    private static final String CSV_HEADER =
            "id,at,account_id,actor,source_ip,request_id,action,resource_type,resource_id,changes,prev_hash,entry_hash";

    @TempDir
    Path dataDir;
    private RunningServer running;
    private Api api;

    private void start(String kind) {
        running = new RunningServer(kind, dataDir);
        api = running.api;
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    /** A few audited changes: two accounts, a catalog import, a reservation. Returns Acme's key and id. */
    private String[] someChanges() {
        Api.Response acme = api.post("/v1/accounts", OP, "{\"name\":\"Acme\"}");
        assertEquals(201, acme.status(), acme.body());
        assertEquals(201, api.post("/v1/accounts", OP, "{\"name\":\"Globex, \\\"the\\\" other\"}").status());
        Api.Response imported = api.post("/v1/catalog/ranges", OP,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}");
        assertEquals(201, imported.status(), imported.body());
        String key = acme.json().get("api_key").asText();
        Api.Response reserved = api.post("/v1/reservations", key, "{\"numbers\":[\"+74951230001\",\"+74951230002\"]}");
        assertEquals(201, reserved.status(), reserved.body());
        return new String[] {key, acme.json().get("id").asText()};
    }

    private JsonNode exportJson(String key, String query) {
        Api.Response export = api.get("/v1/audit-events/export?format=json" + query, key);
        assertEquals(200, export.status(), export.body());
        assertTrue(export.json().isArray(), export.body());
        return export.json();
    }

    private void tamper(String sql) throws SQLException {
        try (Connection connection = running.server.dataSource().getConnection(); Statement st = connection.createStatement()) {
            assertEquals(1, st.executeUpdate(sql));
            connection.commit();
        }
    }

    /** One RFC 4180 line split into its fields, quotes undone. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void changesThroughTheApiFormAChainThatVerifies(String kind) {
        start(kind);
        someChanges();
        Api.Response verify = api.get("/v1/audit-events/verify", OP);
        assertEquals(200, verify.status(), verify.body());
        assertTrue(verify.json().get("ok").asBoolean(), verify.body());
        JsonNode all = exportJson(OP, "");
        assertTrue(all.size() >= 4, all.toString());
        assertEquals(all.size(), verify.json().get("entries").asInt());
        assertEquals(all.get(all.size() - 1).get("entry_hash").asText(), verify.json().get("last_hash").asText());
        assertEquals("0".repeat(64), all.get(0).get("prev_hash").asText());
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1).get("entry_hash"), all.get(i).get("prev_hash"), "entry " + all.get(i).get("id"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRowChangedBehindTheApisBackIsNamed(String kind) throws SQLException {
        start(kind);
        someChanges();
        tamper("UPDATE audit_events SET actor = 'operator/somebody-else' WHERE id = 2");
        Api.Response verify = api.get("/v1/audit-events/verify", OP);
        assertEquals(200, verify.status(), verify.body());
        assertFalse(verify.json().get("ok").asBoolean(), verify.body());
        assertEquals(2, verify.json().get("broken_at").asLong());
        assertTrue(verify.json().get("reason").asText().startsWith("entry 2 was changed"), verify.body());

        tamper("DELETE FROM audit_events WHERE id = 4");
        assertEquals(2, api.get("/v1/audit-events/verify", OP).json().get("broken_at").asLong(), "the first break is named");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theLogExportsAsCsvAndJson(String kind) {
        start(kind);
        someChanges();
        int entries = api.get("/v1/audit-events/verify", OP).json().get("entries").asInt();

        Api.Response csv = api.get("/v1/audit-events/export?format=csv", OP);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertEquals("attachment; filename=\"audit-events.csv\"", csv.header("Content-Disposition"));
        assertEquals("false", csv.header("X-Truncated"));
        assertTrue(csv.body().endsWith("\r\n"));
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertEquals(CSV_HEADER, lines.get(0));
        assertEquals(entries + 1, lines.size(), csv.body());
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = csvFields(lines.get(i));
            assertEquals(12, fields.size(), lines.get(i));
            assertEquals(Integer.toString(i), fields.get(0));
        }
        String globex = csvFields(lines.get(2)).get(9);
        assertTrue(globex.contains("\"after\":\"Globex, \\\"the\\\" other\""), "the changes JSON, unquoted again: " + globex);

        Api.Response json = api.get("/v1/audit-events/export?format=json", OP);
        assertEquals("application/json", json.header("Content-Type"));
        assertEquals("attachment; filename=\"audit-events.json\"", json.header("Content-Disposition"));
        assertEquals(entries, json.json().size());
        assertTrue(json.json().get(0).get("changes").isArray());

        assertEquals(422, api.get("/v1/audit-events/export?format=xml", OP).status());
        assertEquals(422, api.get("/v1/audit-events/export?since=2026-11-24T00:00:00Z&until=2026-11-23T00:00:00Z", OP).status());
        assertEquals(0, exportJson(OP, "&since=2030-01-01T00:00:00Z").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAccountExportsOnlyItsOwnEntriesAndMayNotVerify(String kind) {
        start(kind);
        String[] acme = someChanges();
        Api.Response verify = api.get("/v1/audit-events/verify", acme[0]);
        assertEquals(403, verify.status(), verify.body());
        assertEquals("application/problem+json", verify.header("Content-Type"));

        JsonNode own = exportJson(acme[0], "&account_id=someone-else");
        int listed = api.call("GET", "/v1/audit-events?limit=100", acme[0], null, Map.of()).json().get("items").size();
        assertEquals(listed, own.size());
        assertTrue(own.size() >= 2, own.toString());
        own.forEach(entry -> {
            assertEquals(acme[1], entry.get("account_id").asText());
            assertEquals(64, entry.get("entry_hash").asText().length());
        });
        assertEquals(own.size(), exportJson(OP, "&account_id=" + acme[1]).size(), "the operator exports one account alike");
    }
}
