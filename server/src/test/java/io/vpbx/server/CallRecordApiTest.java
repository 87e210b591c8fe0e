package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.admin.TestCallRecords;
import io.vpbx.admin.service.calls.CallRecordWriter;
import io.vpbx.telephony.cdr.CallRecord.Direction;
import io.vpbx.telephony.cdr.CallRecord.Result;
import io.vpbx.telephony.cdr.CallRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /v1/cdrs against a whole server, on H2 and on PostgreSQL: records handed to the server's call
 * record sink (as the SIP proxy does) come back filtered and paged, each account sees only its own, and
 * a bad filter is answered with a problem naming it.
 */
class CallRecordApiTest {
    private static final String OP = RunningServer.OPERATOR_KEY;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ACME_NUMBER = "+74951230001";

    @TempDir
    Path dataDir;
    private RunningServer running;
    private Api api;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    /** The account's id and API key. */
    private record Account(String id, String key) {
    }

    private Account account(String name) {
        Api.Response created = api.post("/v1/accounts", OP, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.body());
        return new Account(created.json().get("id").asText(), created.json().get("api_key").asText());
    }

    private JsonNode page(String query, String key) {
        Api.Response response = api.get("/v1/cdrs" + query, key);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static List<String> callIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("call_id").asText()));
        return ids;
    }

    private void assertBadFilter(String query, String field) {
        Api.Response response = api.get("/v1/cdrs" + query, OP);
        assertEquals(422, response.status(), query + " -> " + response.body());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.header("Content-Type"));
        assertEquals(field, response.json().get("field").asText(), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void recordsHandedToTheSinkAreListedFilteredAndPagedPerAccount(String kind) {
        running = new RunningServer(kind, dataDir);
        api = running.api;
        Account acme = account("Acme");
        Account globex = account("Globex");
        CallRecordWriter sink = running.server.admin().callRecords();
        sink.offer(TestCallRecords.answered("acme-answered", acme.id(), ACME_NUMBER, "+79161234567", T0));
        sink.offer(TestCallRecords.answered("globex-answered", globex.id(), "+74951230002", "+79161234567", T0.plusSeconds(30)));
        sink.offer(TestCallRecords.unanswered("acme-busy", acme.id(), Direction.INBOUND, ACME_NUMBER, "+79035550000",
                Result.BUSY, 486, T0.plusSeconds(60)));
        sink.offer(TestCallRecords.unanswered("nobody-rejected", null, Direction.INBOUND, "+74950000000", "+79035550000",
                Result.REJECTED, 404, T0.plusSeconds(90)));
        sink.offer(TestCallRecords.unanswered("acme-outbound", acme.id(), Direction.OUTBOUND, "+74951230009", "emp-anna",
                Result.NO_ANSWER, 480, T0.plusSeconds(120)));
        sink.flush();

        JsonNode acmePage = page("", acme.key());
        assertEquals(List.of("acme-outbound", "acme-busy", "acme-answered"), callIds(acmePage));
        assertTrue(acmePage.get("next_cursor").isNull());
        JsonNode answered = acmePage.get("items").get(2);
        assertEquals(acme.id(), answered.get("account_id").asText());
        assertEquals("inbound", answered.get("direction").asText());
        assertEquals(ACME_NUMBER, answered.get("number").asText());
        assertEquals("+79161234567", answered.get("caller").asText());
        assertEquals(ACME_NUMBER, answered.get("callee").asText());
        assertEquals("trunk-rt", answered.get("carrier").asText());
        assertEquals("answered", answered.get("result").asText());
        assertEquals(200, answered.get("final_code").asInt());
        assertTrue(answered.get("fallback").isNull());
        assertEquals("2026-11-23T10:00:00Z", answered.get("started_at").asText());
        assertEquals("2026-11-23T10:00:03.200Z", answered.get("answered_at").asText());
        assertEquals("2026-11-23T10:01:08.200Z", answered.get("ended_at").asText());
        assertEquals(3200, answered.get("setup_ms").asLong());
        assertEquals(65, answered.get("duration_s").asLong());
        JsonNode busyLeg = answered.get("attempts").get(0);
        assertEquals("contact", busyLeg.get("kind").asText());
        assertEquals("sip:anna@10.0.0.5:5060", busyLeg.get("destination").asText());
        assertEquals("emp-anna", busyLeg.get("employee_id").asText());
        assertEquals(486, busyLeg.get("sip_code").asInt());
        assertEquals("busy", busyLeg.get("outcome").asText());
        assertEquals("2026-11-23T10:00:00Z", busyLeg.get("started_at").asText());
        assertEquals("2026-11-23T10:00:01.200Z", busyLeg.get("ended_at").asText());
        assertEquals("answered", answered.get("attempts").get(1).get("outcome").asText());
        JsonNode busy = acmePage.get("items").get(1);
        assertTrue(busy.get("answered_at").isNull());
        assertEquals(0, busy.get("duration_s").asLong());
        assertEquals("hang_up 480", busy.get("fallback").asText());

        assertEquals(List.of("acme-busy", "acme-answered"), callIds(page("?number=%2B74951230001", acme.key())));
        assertEquals(List.of("acme-outbound"), callIds(page("?direction=outbound", acme.key())));
        assertEquals(List.of("acme-busy"), callIds(page("?result=busy", acme.key())));
        assertEquals(List.of("acme-busy"), callIds(page("?caller=%2B79035550000", acme.key())));
        assertEquals(List.of("acme-busy"), callIds(page("?from=2026-11-23T10:01:00Z&to=2026-11-23T10:02:00Z", acme.key())));

        JsonNode first = page("?limit=2", acme.key());
        assertEquals(List.of("acme-outbound", "acme-busy"), callIds(first));
        JsonNode second = page("?limit=2&cursor=" + first.get("next_cursor").asText(), acme.key());
        assertEquals(List.of("acme-answered"), callIds(second));
        assertTrue(second.get("next_cursor").isNull());

        // Tenant isolation: Globex sees its own call only, whatever it filters on, and may not name Acme.
        assertEquals(List.of("globex-answered"), callIds(page("", globex.key())));
        assertEquals(List.of(), callIds(page("?number=%2B74951230001", globex.key())));
        assertEquals(List.of(), callIds(page("?caller=%2B79035550000", globex.key())));
        Api.Response foreign = api.get("/v1/cdrs?account_id=" + acme.id(), globex.key());
        assertEquals(403, foreign.status(), foreign.body());
        assertEquals(List.of("globex-answered"), callIds(page("?account_id=" + globex.id(), globex.key())));

        // The operator reads every account, refused calls included, or one account.
        assertEquals(List.of("acme-outbound", "nobody-rejected", "acme-busy", "globex-answered", "acme-answered"),
                callIds(page("", OP)));
        assertEquals(List.of("acme-outbound", "acme-busy", "acme-answered"), callIds(page("?account_id=" + acme.id(), OP)));

        assertBadFilter("?direction=sideways", "direction");
        assertBadFilter("?result=maybe", "result");
        assertBadFilter("?from=yesterday", "from");
        assertBadFilter("?to=2026-11-23", "to");
        assertBadFilter("?from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", "to");
        assertBadFilter("?number=call-me", "number");
        assertBadFilter("?cursor=not-a-cursor", "cursor");
        assertBadFilter("?limit=0", "limit");
        assertEquals(401, api.get("/v1/cdrs", null).status());
    }
}
