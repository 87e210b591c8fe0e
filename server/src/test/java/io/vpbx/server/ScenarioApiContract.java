package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IVR scenarios over HTTP against a whole server: the example created, read, listed, replaced as a new
 * version (the earlier one still readable) and audited field by field; refusals naming the step path; tenants
 * apart; a scenario in use (a number's forwarding, another scenario's forward step) kept, and so are the media,
 * employee and department a scenario uses; numbers forward only to the account's own scenarios. Run on H2 and on
 * PostgreSQL by {@link ScenarioApiH2Test} and {@link ScenarioApiPostgresTest}.
 */
abstract class ScenarioApiContract extends WholeServerContract {
    private static final String NUMBER = "+74951230001";

    String acme;
    String globex;
    String prompt;
    String hours;
    String sales;
    String anna;

    ScenarioApiContract(String kind) {
        super(kind);
    }

    @Override
    String[] flags() {
        return new String[] {"--scenario.max-steps=12"};
    }

    @BeforeEach
    void accountsWithMediaAndStaff() {
        acme = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}").json().get("api_key").asText();
        globex = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}").json().get("api_key").asText();
        prompt = upload(acme, "Welcome");
        hours = upload(acme, "Opening hours");
        Api.Response employee = api.post("/v1/employees", acme, "{\"name\":\"Anna\",\"extension\":\"101\",\"sip_username\":\"anna-ivr\","
                + "\"sip_password\":\"0123456789ab\",\"email\":\"anna@acme.example\"}");
        assertEquals(201, employee.status(), employee.body());
        anna = employee.json().get("id").asText();
        Api.Response department = api.post("/v1/departments", acme, "{\"name\":\"Sales\",\"strategy\":\"ring_all\"}");
        assertEquals(201, department.status(), department.body());
        sales = department.json().get("id").asText();
    }

    private String upload(String key, String name) {
        Multipart form = new Multipart().field("name", name).file("file", "clip.wav", "audio/wav", Wavs.tone(8_000, 1, 0.5, 500));
        Api.Response created = api.exactly("POST", "/v1/media", key,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(form.bytes()), form.headers());
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    /** The example with this account's clips, department and employee. */
    private String example() {
        return ("{'name':'Main menu','start':'main','steps':{"
                + "'main':{'type':'menu','prompt':'PROMPT','options':{'1':'sales','2':'hours'},'timeout':5,'retries':3,"
                + "'invalid_prompt':'PROMPT','default':'vm'},"
                + "'hours':{'type':'play','media':'HOURS','next':'main'},"
                + "'sales':{'type':'forward','target':{'type':'department','department_id':'SALES'},'ring_timeout':20,'no_answer':'vm'},"
                + "'vm':{'type':'voicemail','recipients':['sales@acme.example',{'employee_id':'ANNA'}]}}}")
                .replace('\'', '"').replace("PROMPT", prompt).replace("HOURS", hours).replace("SALES", sales).replace("ANNA", anna);
    }

    private String create(String key, String definition) {
        Api.Response created = api.post("/v1/scenarios", key, definition);
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private static void assertProblem(int status, String field, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals(field, response.json().path("field").asText(null), response.body());
    }

    private void buyNumber() {
        assertEquals(201, api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}").status());
        assertEquals(201, api.post("/v1/reservations", acme, "{\"numbers\":[\"" + NUMBER + "\"]}").status());
        assertEquals(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + NUMBER + "\"]}",
                Map.of("Idempotency-Key", "buy-1")).status());
    }

    private Api.Response forwardNumberTo(String scenarioId) {
        return api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"scenario\",\"scenario_id\":\"" + scenarioId + "\"}}}");
    }

    @Test
    void theExampleIsCreatedReadListedAndReplacedAsANewVersion() {
        Api.Response created = api.post("/v1/scenarios", acme, example());
        assertEquals(201, created.status(), created.body());
        JsonNode scenario = created.json();
        String id = scenario.get("id").asText();
        assertEquals(1, scenario.get("version").asInt());
        assertEquals("Main menu", scenario.get("name").asText());
        assertEquals("sales", scenario.get("steps").get("main").get("options").get("1").asText());
        assertEquals(1, scenario.get("steps").get("hours").get("repeat").asInt(), "defaults are written out");
        assertEquals(anna, scenario.get("steps").get("vm").get("recipients").get(1).get("employee_id").asText());
        assertEquals(scenario, api.get("/v1/scenarios/" + id, acme).json());

        String secondId = create(acme, example().replace("Main menu", "Second"));
        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            Api.Response page = api.get("/v1/scenarios?limit=1" + cursor, acme);
            assertEquals(200, page.status(), page.body());
            page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
            JsonNode next = page.json().get("next_cursor");
            cursor = next.isNull() ? null : "&cursor=" + next.asText();
        } while (cursor != null);
        assertEquals(List.of(id, secondId).stream().sorted().toList(), ids);

        // a read, edited and sent back: options 1 and 2 swapped, the name changed
        String edited = scenario.toString().replace("\"1\":\"sales\",\"2\":\"hours\"", "\"1\":\"hours\",\"2\":\"sales\"")
                .replace("Main menu", "Main menu v2");
        Api.Response replaced = api.call("PUT", "/v1/scenarios/" + id, acme, edited, Map.of());
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(2, replaced.json().get("version").asInt());
        assertEquals("Main menu v2", api.get("/v1/scenarios/" + id, acme).json().get("name").asText());
        JsonNode first = api.get("/v1/scenarios/" + id + "?version=1", acme).json();
        assertEquals(1, first.get("version").asInt());
        assertEquals("Main menu", first.get("name").asText(), "version 1 is kept for the calls that started with it");
        assertEquals("hours", first.get("steps").get("main").get("options").get("2").asText());
        assertEquals(404, api.get("/v1/scenarios/" + id + "?version=3", acme).status());
        assertProblem(422, "version", api.get("/v1/scenarios/" + id + "?version=zero", acme));

        Api.Response same = api.call("PUT", "/v1/scenarios/" + id, acme, replaced.json().toString(), Map.of());
        assertEquals(2, same.json().get("version").asInt(), "the same definition saves no new version");

        JsonNode events = api.get("/v1/audit-events?resource_type=scenario&resource_id=" + id, acme).json().get("items");
        JsonNode updated = null;
        List<String> actions = new ArrayList<>();
        for (JsonNode event : events) {
            actions.add(event.get("action").asText());
            if (event.get("action").asText().equals("scenario.updated")) {
                updated = event;
            }
        }
        assertEquals(List.of("scenario.created", "scenario.updated"), actions.stream().sorted().toList());
        List<String> fields = new ArrayList<>();
        updated.get("changes").forEach(change -> fields.add(change.get("field").asText()));
        assertEquals(List.of("name", "steps.main.options.1", "steps.main.options.2", "version").stream().sorted().toList(),
                fields.stream().sorted().toList(), updated.toString());
        for (JsonNode change : updated.get("changes")) {
            if (change.get("field").asText().equals("steps.main.options.2")) {
                assertEquals("hours", change.get("before").asText());
                assertEquals("sales", change.get("after").asText());
            }
        }
    }

    @Test
    void refusalsNameTheStepPath() {
        assertProblem(422, "steps.main.options.3", api.post("/v1/scenarios", acme,
                example().replace("\"2\":\"hours\"", "\"2\":\"hours\",\"3\":\"nowhere\"")));
        assertProblem(422, "steps.main.options.x", api.post("/v1/scenarios", acme,
                example().replace("\"2\":\"hours\"", "\"2\":\"hours\",\"x\":\"vm\"")));
        assertProblem(422, "steps.hours.type", api.post("/v1/scenarios", acme, example().replace("\"type\":\"play\"", "\"type\":\"sing\"")));
        assertProblem(422, "steps.hours.volume", api.post("/v1/scenarios", acme, example().replace("\"type\":\"play\"",
                "\"type\":\"play\",\"volume\":11")));
        assertProblem(422, "start", api.post("/v1/scenarios", acme, example().replace("\"start\":\"main\"", "\"start\":\"begin\"")));
        assertProblem(422, "steps.hours", api.post("/v1/scenarios", acme, example().replace("\"2\":\"hours\"", "\"2\":\"vm\"")));
        assertProblem(422, "steps.hours", api.post("/v1/scenarios", acme, example().replace("\"next\":\"main\"", "\"next\":\"hours\"")));
        assertProblem(422, "steps.main.prompt", api.post("/v1/scenarios", acme, example().replace(prompt, upload(globex, "Theirs"))));
        assertProblem(422, "steps.hours.media", api.post("/v1/scenarios", acme, example().replace(hours, "no-such-clip")));
        String theirSales = api.post("/v1/departments", globex, "{\"name\":\"Sales\",\"strategy\":\"ring_all\"}").json().get("id").asText();
        assertProblem(422, "steps.sales.target.department_id", api.post("/v1/scenarios", acme, example().replace(sales, theirSales)));
        assertProblem(422, "steps.vm.recipients[1]", api.post("/v1/scenarios", acme, example().replace(anna, "nobody")));
        assertProblem(422, "steps.sales.target.scenario_id", api.post("/v1/scenarios", acme, example().replace(
                "{\"type\":\"department\",\"department_id\":\"" + sales + "\"}", "{\"type\":\"scenario\",\"scenario_id\":\"nope\"}")));
        assertProblem(422, "steps.sales.target.uris[0]", api.post("/v1/scenarios", acme, example().replace(
                "{\"type\":\"department\",\"department_id\":\"" + sales + "\"}", "{\"type\":\"external_pbx\",\"uris\":[\"sip:10.0.0.1\"]}")));
        StringBuilder many = new StringBuilder("{\"name\":\"Big\",\"start\":\"s0\",\"steps\":{");
        for (int i = 0; i < 13; i++) {
            many.append(i == 0 ? "" : ",").append("\"s").append(i).append("\":")
                    .append(i == 12 ? "{\"type\":\"hangup\"}" : "{\"type\":\"play\",\"media\":\"" + prompt + "\",\"next\":\"s" + (i + 1) + "\"}");
        }
        assertProblem(422, "steps", api.post("/v1/scenarios", acme, many.append("}}").toString()));

        String id = create(acme, example());
        assertProblem(422, "steps.sales.target.scenario_id", api.call("PUT", "/v1/scenarios/" + id, acme, example().replace(
                "{\"type\":\"department\",\"department_id\":\"" + sales + "\"}", "{\"type\":\"scenario\",\"scenario_id\":\"" + id + "\"}"),
                Map.of()));
        assertEquals(1, api.get("/v1/scenarios/" + id, acme).json().get("version").asInt(), "a refused change saves nothing");
    }

    @Test
    void aServiceCodeIsUniqueInTheAccountAndCheckedToTheGrammar() {
        String withCode = example().replaceFirst("\\{", "{\"service_code\":\"*12\",");
        Api.Response created = api.post("/v1/scenarios", acme, withCode);
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("*12", created.json().get("service_code").asText());

        Api.Response taken = api.post("/v1/scenarios", acme, withCode);
        assertProblem(409, "service_code", taken);
        assertEquals("scenario " + id, taken.json().get("errors").get(0).asText(), taken.body());
        assertProblem(422, "service_code", api.post("/v1/scenarios", acme, withCode.replace("*12", "*1")));
        assertProblem(422, "service_code", api.post("/v1/scenarios", acme, withCode.replace("*12", "12")));

        String globexScenario = "{\"name\":\"x\",\"service_code\":\"*12\",\"start\":\"a\",\"steps\":{\"a\":{\"type\":\"hangup\"}}}";
        assertEquals(201, api.post("/v1/scenarios", globex, globexScenario).status(), "codes are per account");

        Api.Response replaced = api.call("PUT", "/v1/scenarios/" + id, acme, example(), Map.of());
        assertEquals(200, replaced.status(), replaced.body());
        assertTrue(replaced.json().path("service_code").isMissingNode(), "version 2 has no code");
        assertEquals(201, api.post("/v1/scenarios", acme, withCode).status(), "the code is free again");
    }

    @Test
    void anotherAccountsScenarioDoesNotExistForThem() {
        String id = create(acme, example());
        assertEquals(404, api.get("/v1/scenarios/" + id, globex).status());
        assertEquals(404, api.get("/v1/scenarios/" + id + "?version=1", globex).status());
        assertEquals(404, api.call("PUT", "/v1/scenarios/" + id, globex, "{\"name\":\"x\",\"start\":\"a\",\"steps\":{\"a\":{\"type\":\"hangup\"}}}",
                Map.of()).status());
        assertEquals(404, api.delete("/v1/scenarios/" + id, globex).status());
        assertEquals(0, api.get("/v1/scenarios", globex).json().get("items").size());
        assertEquals(200, api.get("/v1/scenarios/" + id, acme).status());
    }

    @Test
    void aScenarioInUseIsKeptUntilItsUsersChange() {
        buyNumber();
        String id = create(acme, example());
        assertEquals(200, forwardNumberTo(id).status());
        Api.Response refused = api.delete("/v1/scenarios/" + id, acme);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().get("errors").toString().contains(NUMBER), refused.body());

        String caller = create(acme, "{\"name\":\"Overflow\",\"start\":\"go\",\"steps\":{\"go\":{\"type\":\"forward\","
                + "\"target\":{\"type\":\"scenario\",\"scenario_id\":\"" + id + "\"}}}}");
        assertEquals(200, api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"department\",\"department_id\":\"" + sales + "\"}}}").status());
        Api.Response stillUsed = api.delete("/v1/scenarios/" + id, acme);
        assertEquals(409, stillUsed.status(), stillUsed.body());
        assertTrue(stillUsed.json().get("errors").toString().contains("scenario " + caller), stillUsed.body());

        assertEquals(204, api.delete("/v1/scenarios/" + caller, acme).status());
        assertEquals(204, api.delete("/v1/scenarios/" + id, acme).status());
        assertEquals(404, api.get("/v1/scenarios/" + id, acme).status());
        assertEquals(404, api.get("/v1/scenarios/" + id + "?version=1", acme).status());
    }

    @Test
    void theMediaStaffAndDepartmentsAScenarioUsesAreKept() {
        String id = create(acme, example());
        for (String path : List.of("/v1/media/" + prompt, "/v1/media/" + hours, "/v1/employees/" + anna, "/v1/departments/" + sales)) {
            Api.Response refused = api.delete(path, acme);
            assertEquals(409, refused.status(), path + ": " + refused.body());
            assertTrue(refused.json().get("errors").toString().contains("scenario " + id), refused.body());
        }
        // version 2 plays no opening hours any more and rings Anna instead of Sales: those two are free
        String next = example().replace("\"2\":\"hours\"", "\"2\":\"vm\"")
                .replace(",\"hours\":{\"type\":\"play\",\"media\":\"" + hours + "\",\"next\":\"main\"}", "")
                .replace("{\"type\":\"department\",\"department_id\":\"" + sales + "\"}", "{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"}");
        Api.Response replaced = api.call("PUT", "/v1/scenarios/" + id, acme, next, Map.of());
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(204, api.delete("/v1/media/" + hours, acme).status());
        assertEquals(204, api.delete("/v1/departments/" + sales, acme).status());
        assertEquals(409, api.delete("/v1/employees/" + anna, acme).status());
        assertEquals(204, api.delete("/v1/scenarios/" + id, acme).status());
        assertEquals(204, api.delete("/v1/employees/" + anna, acme).status());
        assertEquals(204, api.delete("/v1/media/" + prompt, acme).status());
    }

    @Test
    void aNumberForwardsOnlyToAScenarioOfItsAccount() {
        buyNumber();
        assertProblem(422, "forwarding.target.scenario_id", forwardNumberTo("no-such-scenario"));
        String theirs = create(globex, "{\"name\":\"Theirs\",\"start\":\"a\",\"steps\":{\"a\":{\"type\":\"hangup\",\"code\":486}}}");
        Api.Response foreign = forwardNumberTo(theirs);
        assertProblem(422, "forwarding.target.scenario_id", foreign);
        assertFalse(foreign.body().contains("Theirs"));
        String ours = create(acme, example());
        assertEquals(200, forwardNumberTo(ours).status());
        assertEquals(ours, api.get("/v1/numbers/" + NUMBER, acme).json().get("forwarding").get("target").get("scenario_id").asText());
    }
}
