package io.vpbx.server;

import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POST /v1/numbers/{number}/simulate against a whole server on H2, with a phone registered by SIPp: a department
 * by working hours (the registered member rung with its contact, the other skipped; after hours the closed target),
 * a scenario's menu driven by digits to voicemail with the prompts named, another account's number not found, and
 * bad input refused naming the field.
 */
class SimulateApiTest {
    private static final String DID = "+74951230001";
    /** A Thursday: the office is open at noon in Moscow and closed at half past eleven at night. */
    private static final String NOON = "2026-12-31T12:00:00+03:00";
    private static final String LATE = "2026-12-31T23:30:00+03:00";

    @RegisterExtension
    final AcmeCalls calls = AcmeCalls.numbers(DID);
    private String sales;
    private String office;

    @BeforeEach
    void start() {
        sales = ok(201, calls.api.post("/v1/departments", calls.acme, """
                {"name":"Sales","strategy":"hunt_in_order","members":[
                  {"employee_id":"%s","ring_seconds":15},{"employee_id":"%s","ring_seconds":20}]}""".formatted(calls.boris, calls.anna)))
                .json().get("id").asText();
        office = ok(201, calls.api.post("/v1/schedules", calls.acme, """
                {"name":"Office","time_zone":"Europe/Moscow","week":{"thu":[{"from":"09:00","to":"18:00"}]}}""")).json()
                .get("id").asText();
    }

    private Api.Response simulate(String key, String number, String body) {
        return calls.api.post("/v1/numbers/" + number + "/simulate", key, body);
    }

    private static List<JsonNode> entries(JsonNode simulation, String kind) {
        List<JsonNode> found = new ArrayList<>();
        simulation.get("path").forEach(entry -> {
            if (entry.get("kind").asText().equals(kind)) {
                found.add(entry);
            }
        });
        return found;
    }

    private static List<String> texts(JsonNode simulation, String kind) {
        return entries(simulation, kind).stream().map(entry -> entry.get("text").asText()).toList();
    }

    private static List<String> warnings(JsonNode simulation) {
        List<String> warnings = new ArrayList<>();
        simulation.get("warnings").forEach(warning -> warnings.add(warning.asText()));
        return warnings;
    }

    @Test
    void aDepartmentByWorkingHoursRingsTheRegisteredPhonesAndAfterHoursTheClosedTarget() {
        int annaPhone = calls.fixtures.register("anna");
        ok(200, calls.api.patch("/v1/numbers/" + DID, calls.acme, """
                {"forwarding":{"target":{"type":"department","department_id":"%s"},"ring_timeout":25,
                 "schedule":{"schedule_id":"%s","closed":{"target":{"type":"employee","employee_id":"%s"}}}},
                 "fallback":{"type":"hang_up","sip_code":486}}""".formatted(sales, office, calls.boris)));

        JsonNode noon = ok(200, simulate(calls.acme, DID, "{\"at\":\"" + NOON + "\",\"caller\":\"+79161234567\"}")).json();

        assertEquals("inbound allowed, outbound allowed (active)", texts(noon, "number").get(0));
        assertEquals(List.of("schedule " + office + " open, changes at 2026-12-31T15:00:00Z"), texts(noon, "schedule"));
        List<JsonNode> rings = entries(noon, "ring");
        assertEquals(1, rings.size(), noon.toString());
        JsonNode phone = rings.get(0).get("phones").get(0);
        assertEquals(calls.anna, phone.get("employee_id").asText());
        assertEquals("registered", phone.get("registration").asText());
        assertTrue(phone.get("destination").asText().contains(":" + annaPhone), phone.toString());
        assertEquals(20, rings.get(0).get("ring_seconds").asInt());
        assertEquals(List.of("employee " + calls.boris + " of department " + sales + " has no registered phone: skipped"),
                texts(noon, "skipped"));
        assertEquals(List.of("if nobody answers: hang_up 486"), texts(noon, "fallback"));

        JsonNode late = ok(200, simulate(calls.acme, DID, "{\"at\":\"" + LATE + "\"}")).json();

        assertEquals(List.of("schedule " + office + " closed, changes at 2027-01-07T06:00:00Z"), texts(late, "schedule"));
        assertEquals(List.of(), entries(late, "ring"));
        assertTrue(warnings(late).contains("schedule closed: after-hours target"), late.toString());
        assertTrue(warnings(late).contains("employee " + calls.boris + " has no registered phone at this time"), late.toString());
    }

    @Test
    void aMenuGivenTwoReachesVoicemailPlayingTheNamedPrompt() {
        Multipart form = new Multipart().field("name", "Main menu prompt")
                .file("file", "clip.wav", "audio/wav", Wavs.tone(8_000, 1, 0.5, 500));
        String prompt = ok(201, calls.api.exactly("POST", "/v1/media", calls.acme,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(form.bytes()), form.headers())).json().get("id").asText();
        String scenario = ok(201, calls.api.post("/v1/scenarios", calls.acme, ("{'name':'Main','start':'main','steps':{"
                + "'main':{'type':'menu','prompt':'PROMPT','options':{'1':'sales','2':'vm'},'timeout':5,'retries':3},"
                + "'sales':{'type':'forward','target':{'type':'department','department_id':'SALES'},'ring_timeout':20,'no_answer':'vm'},"
                + "'vm':{'type':'voicemail','recipients':['boss@acme.example',{'employee_id':'BORIS'}]}}}")
                .replace('\'', '"').replace("PROMPT", prompt).replace("SALES", sales).replace("BORIS", calls.boris)))
                .json().get("id").asText();
        ok(200, calls.api.patch("/v1/numbers/" + DID, calls.acme,
                "{\"forwarding\":{\"target\":{\"type\":\"scenario\",\"scenario_id\":\"" + scenario + "\"}}}"));

        JsonNode simulation = ok(200, simulate(calls.acme, DID, "{\"at\":\"" + NOON + "\",\"digits\":[\"2\"]}")).json();

        assertEquals(List.of("step main", "digit 2", "step vm"), texts(simulation, "path"));
        List<JsonNode> prompts = entries(simulation, "prompt");
        assertEquals(prompt, prompts.get(0).get("media_id").asText());
        assertEquals("Main menu prompt", prompts.get(0).get("name").asText());
        assertEquals(3, prompts.size(), "the menu, the voicemail greeting and the beep: " + simulation);
        assertTrue(prompts.get(2).get("name").isNull(), "the beep is built in");
        JsonNode voicemail = entries(simulation, "voicemail").get(0);
        assertEquals("boss@acme.example", voicemail.get("recipients").get(0).asText());
        assertEquals(calls.boris, voicemail.get("recipients").get(1).get("employee_id").asText());
        assertTrue(warnings(simulation).contains("the voicemail recipient boris has no email: the message is not mailed to them"),
                simulation.toString());

        JsonNode sales = ok(200, simulate(calls.acme, DID, "{\"at\":\"" + NOON + "\",\"digits\":[\"1\"]}")).json();

        assertEquals(List.of("step main", "digit 1", "step sales", "forward department " + this.sales,
                "not_answered nobody_to_ring 480", "step vm"), texts(sales, "path"));
        assertTrue(warnings(sales).contains("department " + this.sales + " has no registered phone at this time"),
                sales.toString());
    }

    @Test
    void aServiceCodeSimulatesWhatAnEmployeesPhoneDiallingItRuns() {
        ok(201, calls.api.post("/v1/scenarios", calls.acme, ("{'name':'Staff line','service_code':'*12','start':'ask','steps':{"
                + "'ask':{'type':'collect','min_digits':3,'max_digits':3,'variable':'ext','next':'call'},"
                + "'call':{'type':'forward','target':{'type':'employee','extension_from':'ext'},'ring_timeout':20}}}")
                .replace('\'', '"')));

        JsonNode simulation = ok(200, simulate(calls.acme, "%2A12", "{\"at\":\"" + NOON + "\",\"digits\":[\"102\"]}")).json();

        assertEquals("*12", simulation.get("number").asText());
        assertTrue(texts(simulation, "dialed").get(0).startsWith("service code *12: scenario "), simulation.toString());
        assertEquals(List.of("step ask", "digits 102", "step call", "forward employee " + calls.boris,
                "not_answered nobody_to_ring 480", "hang_up"), texts(simulation, "path"));
        assertEquals(404, simulate(calls.acme, "%2A13", "{}").status(), "no scenario has *13");
        String globex = ok(201, calls.api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Globex\"}")).json()
                .get("api_key").asText();
        assertEquals(404, simulate(globex, "%2A12", "{}").status(), "another account's code");
    }

    @Test
    void anotherAccountsNumberIsNotFoundAndBadInputIsRefusedNamingTheField() {
        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.anna + "\"}", 20);
        String globex = ok(201, calls.api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Globex\"}")).json()
                .get("api_key").asText();

        assertEquals(404, simulate(globex, DID, "{}").status());
        assertEquals(404, simulate(calls.acme, "+74951230002", "{}").status(), "a number nobody bought");
        assertProblem(422, "at", simulate(calls.acme, DID, "{\"at\":\"tomorrow\"}"));
        assertProblem(422, "at", simulate(calls.acme, DID, "{\"at\":\"2026-12-31T23:30:00\"}"));
        assertProblem(422, "digits[1]", simulate(calls.acme, DID, "{\"digits\":[\"2\",\"10x\"]}"));
        assertProblem(422, "digits", simulate(calls.acme, DID, "{\"digits\":\"2\"}"));
        assertProblem(422, "caller", simulate(calls.acme, DID, "{\"caller\":42}"));
        assertProblem(422, "number", simulate(calls.acme, "not-a-number", "{}"));
        assertEquals(403, simulate(RunningServer.OPERATOR_KEY, DID, "{}").status(), "simulating belongs to the account");
        JsonNode now = ok(200, simulate(calls.acme, DID, "{}")).json();
        assertEquals(calls.running.clock.instant().toString(), now.get("at").asText(), "no instant: now");
    }

    private static void assertProblem(int status, String field, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals(field, response.json().path("field").asText(null), response.body());
    }
}
