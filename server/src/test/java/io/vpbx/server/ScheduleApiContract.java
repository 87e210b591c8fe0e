package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.ScheduleChoice;
import io.vpbx.sip.routing.Target;
import io.vpbx.telephony.schedule.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules over HTTP against a whole server: create, list, read, update, delete; refusals naming the field; tenants
 * apart; a schedule in use by a number's forwarding kept; forwarding by schedule checked, shown back and put in the
 * routing table; every change audited. Run on H2 and on PostgreSQL by {@link ScheduleApiH2Test} and
 * {@link ScheduleApiPostgresTest}.
 */
abstract class ScheduleApiContract extends WholeServerContract {
    private static final String NUMBER = "+74951230001";
    static final String OFFICE = "{\"name\":\"Office\",\"time_zone\":\"Europe/Moscow\","
            + "\"week\":{\"mon\":[{\"from\":\"09:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"18:00\"}],"
            + "\"fri\":[{\"from\":\"09:00\",\"to\":\"24:00\"}]},"
            + "\"exceptions\":[{\"date\":\"2026-12-31\",\"name\":\"New Year's Eve\",\"open\":[{\"from\":\"09:00\",\"to\":\"15:00\"}]},"
            + "{\"date\":\"2027-01-01\",\"name\":\"New Year\",\"open\":[]}]}";

    String acme;
    String globex;

    ScheduleApiContract(String kind) {
        super(kind);
    }

    @BeforeEach
    void accounts() {
        acme = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}").json().get("api_key").asText();
        globex = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}").json().get("api_key").asText();
    }

    String create(String key, String body) {
        Api.Response created = api.post("/v1/schedules", key, body);
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

    private String employee(String name, String extension) {
        Api.Response created = api.post("/v1/employees", acme, "{\"name\":\"" + name + "\",\"extension\":\"" + extension
                + "\",\"sip_username\":\"" + name.toLowerCase() + "\",\"sip_password\":\"secret-password-" + extension + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    @Test
    void aScheduleIsCreatedReadListedChangedAndDeleted() {
        Api.Response created = api.post("/v1/schedules", acme, OFFICE);
        assertEquals(201, created.status(), created.body());
        JsonNode schedule = created.json();
        String id = schedule.get("id").asText();
        assertEquals("Europe/Moscow", schedule.get("time_zone").asText());
        assertEquals("14:00", schedule.get("week").get("mon").get(1).get("from").asText());
        assertEquals("24:00", schedule.get("week").get("fri").get(0).get("to").asText());
        assertFalse(schedule.get("week").has("sat"), "a day not given is closed");
        assertEquals("New Year", schedule.get("exceptions").get(1).get("name").asText());
        assertEquals(0, schedule.get("exceptions").get(1).get("open").size());
        assertEquals(schedule, api.get("/v1/schedules/" + id, acme).json());

        String second = create(acme, "{\"name\":\"Night\",\"time_zone\":\"Asia/Shanghai\"}");
        Api.Response page = api.get("/v1/schedules?limit=1", acme);
        assertEquals(1, page.json().get("items").size());
        Api.Response next = api.get("/v1/schedules?limit=1&cursor=" + page.json().get("next_cursor").asText(), acme);
        List<String> ids = new ArrayList<>(List.of(page.json().get("items").get(0).get("id").asText(),
                next.json().get("items").get(0).get("id").asText()));
        assertEquals(List.of(id, second).stream().sorted().toList(), ids);

        Api.Response changed = api.patch("/v1/schedules/" + id, acme,
                "{\"time_zone\":\"America/New_York\",\"exceptions\":[]}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("America/New_York", changed.json().get("time_zone").asText());
        assertEquals(0, changed.json().get("exceptions").size());
        assertEquals("Office", changed.json().get("name").asText(), "what the patch leaves out stays");
        assertEquals(schedule.get("week"), changed.json().get("week"));

        assertEquals(204, api.delete("/v1/schedules/" + id, acme).status());
        assertEquals(404, api.get("/v1/schedules/" + id, acme).status());

        List<String> actions = new ArrayList<>();
        api.get("/v1/audit-events?resource_type=schedule&resource_id=" + id, acme).json().get("items")
                .forEach(event -> actions.add(event.get("action").asText()));
        assertEquals(List.of("schedule.created", "schedule.deleted", "schedule.updated"), actions.stream().sorted().toList());
    }

    @Test
    void badSchedulesAreRefusedNamingTheField() {
        assertProblem(422, "time_zone", api.post("/v1/schedules", acme, "{\"name\":\"x\",\"time_zone\":\"Mars/Olympus\"}"));
        assertProblem(422, "time_zone", api.post("/v1/schedules", acme, "{\"name\":\"x\",\"time_zone\":\"+03:00\"}"));
        assertProblem(422, "name", api.post("/v1/schedules", acme, "{\"time_zone\":\"Europe/Moscow\"}"));
        assertProblem(422, "week.mon[0].to", api.post("/v1/schedules", acme,
                "{\"name\":\"x\",\"time_zone\":\"Europe/Moscow\",\"week\":{\"mon\":[{\"from\":\"18:00\",\"to\":\"09:00\"}]}}"));
        assertProblem(422, "week.tue[1]", api.post("/v1/schedules", acme, "{\"name\":\"x\",\"time_zone\":\"Europe/Moscow\","
                + "\"week\":{\"tue\":[{\"from\":\"09:00\",\"to\":\"13:00\"},{\"from\":\"12:00\",\"to\":\"18:00\"}]}}"));
        assertProblem(422, "week.wed[0].from", api.post("/v1/schedules", acme,
                "{\"name\":\"x\",\"time_zone\":\"Europe/Moscow\",\"week\":{\"wed\":[{\"from\":\"9am\",\"to\":\"18:00\"}]}}"));
        assertProblem(422, "week.caturday", api.post("/v1/schedules", acme,
                "{\"name\":\"x\",\"time_zone\":\"Europe/Moscow\",\"week\":{\"caturday\":[]}}"));
        assertProblem(422, "exceptions[1].date", api.post("/v1/schedules", acme, "{\"name\":\"x\",\"time_zone\":\"Europe/Moscow\","
                + "\"exceptions\":[{\"date\":\"2027-01-01\",\"name\":\"a\"},{\"date\":\"2027-01-01\",\"name\":\"b\"}]}"));
        assertProblem(422, "exceptions[0].date", api.post("/v1/schedules", acme, "{\"name\":\"x\",\"time_zone\":\"Europe/Moscow\","
                + "\"exceptions\":[{\"date\":\"2027-02-30\"}]}"));
        StringBuilder many = new StringBuilder("{\"name\":\"x\",\"time_zone\":\"Europe/Moscow\",\"week\":{\"thu\":[");
        for (int i = 0; i < 13; i++) {
            many.append(i == 0 ? "" : ",").append("{\"from\":\"").append(String.format("%02d", i)).append(":00\",\"to\":\"")
                    .append(String.format("%02d", i)).append(":30\"}");
        }
        assertProblem(422, "week.thu", api.post("/v1/schedules", acme, many.append("]}}").toString()));
        String id = create(acme, OFFICE);
        assertProblem(422, "week.sun[0].to", api.patch("/v1/schedules/" + id, acme,
                "{\"week\":{\"sun\":[{\"from\":\"10:00\",\"to\":\"10:00\"}]}}"));
        assertEquals("Europe/Moscow", api.get("/v1/schedules/" + id, acme).json().get("time_zone").asText());
    }

    @Test
    void anotherAccountsScheduleIsNotFound() {
        String id = create(acme, OFFICE);
        assertEquals(404, api.get("/v1/schedules/" + id, globex).status());
        assertEquals(404, api.patch("/v1/schedules/" + id, globex, "{\"name\":\"mine\"}").status());
        assertEquals(404, api.delete("/v1/schedules/" + id, globex).status());
        assertEquals(0, api.get("/v1/schedules", globex).json().get("items").size());
        assertEquals("Office", api.get("/v1/schedules/" + id, acme).json().get("name").asText());
    }

    @Test
    void aNumberForwardsByScheduleAndTheScheduleInUseIsKept() {
        buyNumber();
        String reception = employee("Reception", "101");
        String night = employee("Night", "102");
        String id = create(acme, OFFICE);
        String globexSchedule = create(globex, OFFICE);

        assertProblem(422, "forwarding.schedule.schedule_id", api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"" + reception + "\"},"
                        + "\"schedule\":{\"schedule_id\":\"" + globexSchedule + "\"}}}"));
        assertProblem(422, "forwarding.schedule.closed.target.employee_id", api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"" + reception + "\"},"
                        + "\"schedule\":{\"schedule_id\":\"" + id + "\",\"closed\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"nobody\"}}}}}"));
        assertProblem(422, "forwarding.schedule.closed.when", api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"" + reception + "\"},"
                        + "\"schedule\":{\"schedule_id\":\"" + id + "\",\"closed\":{\"when\":\"never\"}}}}"));

        Api.Response forwarded = api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"" + reception + "\"},\"ring_timeout\":20,"
                        + "\"schedule\":{\"schedule_id\":\"" + id + "\",\"closed\":{\"target\":{\"type\":\"employee\",\"employee_id\":\""
                        + night + "\"}}}}}");
        assertEquals(200, forwarded.status(), forwarded.body());
        JsonNode shown = api.get("/v1/numbers/" + NUMBER, acme).json().get("forwarding");
        assertEquals(id, shown.get("schedule").get("schedule_id").asText());
        assertEquals(night, shown.get("schedule").get("closed").get("target").get("employee_id").asText());

        RouteEntry entry = running.server.routingTable().number(NUMBER).orElseThrow();
        assertEquals(new ScheduleChoice(id, new Target.Employee(night)), entry.schedule());
        Schedule inTable = running.server.routingTable().schedule(id).orElseThrow();
        assertTrue(inTable.isOpen(Instant.parse("2026-12-07T06:00:00Z")), "Monday 09:00 in Moscow");
        assertFalse(inTable.isOpen(Instant.parse("2027-01-01T08:00:00Z")), "New Year");

        Api.Response refused = api.delete("/v1/schedules/" + id, acme);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().get("errors").toString().contains(NUMBER), refused.body());
        Api.Response nightRefused = api.delete("/v1/employees/" + night, acme);
        assertEquals(409, nightRefused.status(), "the closed-hours target is in use: " + nightRefused.body());

        assertEquals(200, api.patch("/v1/schedules/" + id, acme, "{\"time_zone\":\"Asia/Shanghai\"}").status());
        assertEquals("Asia/Shanghai", running.server.routingTable().schedule(id).orElseThrow().zone().getId(),
                "the routing table follows the change");

        Api.Response toFallback = api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"" + reception + "\"},"
                        + "\"schedule\":{\"schedule_id\":\"" + id + "\",\"closed\":{}}}}");
        assertEquals(200, toFallback.status(), toFallback.body());
        assertEquals(new ScheduleChoice(id, new Target.None()), running.server.routingTable().number(NUMBER).orElseThrow().schedule());
        assertEquals(204, api.delete("/v1/employees/" + night, acme).status(), "no longer the closed-hours target");

        assertEquals(200, api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"" + reception + "\"}}}").status());
        assertEquals(204, api.delete("/v1/schedules/" + id, acme).status());
        assertTrue(running.server.routingTable().schedule(id).isEmpty());
        String audit = api.get("/v1/audit-events?resource_type=number&resource_id=%2B74951230001", acme).body();
        assertTrue(audit.contains("schedule_id"), "the forwarding change is audited with its schedule: " + audit);
    }
}
