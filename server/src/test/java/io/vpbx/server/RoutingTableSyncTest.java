package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.routing.DepartmentPlan;
import io.vpbx.sip.routing.EmployeeEntry;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin changes reach the SIP core's in-memory routing table by the time the API answers, without a restart,
 * and a restart rebuilds the table from the database.
 */
class RoutingTableSyncTest {
    @TempDir
    Path dataDir;

    @Test
    void changesReachTheRoutingTableBeforeTheApiAnswersAndSurviveARestart() {
        String number = "+74951230001";
        try (RunningServer running = new RunningServer("h2", dataDir)) {
            Api api = running.api;
            String acme = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json().get("api_key").asText();
            api.post("/v1/catalog/ranges", RunningServer.OPERATOR_KEY,
                    "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}");
            assertTrue(running.server.routingTable().number(number).isEmpty(), "catalog numbers are not routed");
            api.post("/v1/reservations", acme, "{\"numbers\":[\"" + number + "\"]}");
            assertEquals(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + number + "\"]}",
                    Map.of("Idempotency-Key", "k")).status());
            RouteEntry bought = running.server.routingTable().number(number).orElseThrow();
            assertFalse(bought.inbound(), "pending compliance: " + bought.reason());

            assertEquals(200, api.patch("/v1/numbers/" + number, acme, """
                    {"forwarding":{"target":{"type":"external_pbx","uris":["sip:pbx1.example.com","sip:pbx2.example.com"]},"ring_timeout":25},
                     "fallback":{"type":"hang_up","sip_code":486}}""").status());
            RouteEntry forwarded = running.server.routingTable().number(number).orElseThrow();
            assertEquals(new Target.ExternalPbx(List.of("sip:pbx1.example.com", "sip:pbx2.example.com")), forwarded.target());
            assertEquals(25, forwarded.ringSeconds());
            assertEquals(new Fallback.HangUp(486), forwarded.fallback());
        }
        try (RunningServer restarted = new RunningServer("h2", dataDir)) {
            RouteEntry reloaded = restarted.server.routingTable().number(number).orElseThrow();
            assertInstanceOf(Target.ExternalPbx.class, reloaded.target(), "rebuilt from the database at startup");
            String acmeKey = restarted.api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Other\"}").json()
                    .get("api_key").asText();
            assertEquals(404, restarted.api.delete("/v1/numbers/" + number, acmeKey).status(), "not Other's number");
        }
    }

    @Test
    void departmentsAndMobilesReachTheRoutingTableBeforeTheApiAnswers() {
        try (RunningServer running = new RunningServer("h2", dataDir)) {
            Api api = running.api;
            RoutingTable table = running.server.routingTable();
            String acme = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json().get("api_key").asText();
            String anna = employee(api, acme, "101", "anna", "\"+7 916 123-45-67\"");
            String boris = employee(api, acme, "102", "boris", "null");
            assertEquals(Optional.of("+79161234567"), table.mobileOf(anna), "as the API normalised it");
            assertTrue(table.mobileOf(boris).isEmpty());

            assertEquals(200, api.patch("/v1/employees/" + boris, acme, "{\"mobile\":\"+79031112233\"}").status());
            assertEquals(Optional.of("+79031112233"), table.mobileOf(boris));
            assertEquals(200, api.patch("/v1/employees/" + anna, acme, "{\"mobile\":null}").status());
            assertTrue(table.mobileOf(anna).isEmpty(), "a cleared mobile is no longer rung");

            Api.Response created = api.post("/v1/departments", acme, """
                    {"name":"Sales","strategy":"hunt_in_order","members":[
                      {"employee_id":"%s","ring_seconds":15},{"employee_id":"%s","ring_seconds":40}]}""".formatted(boris, anna));
            assertEquals(201, created.status(), created.body());
            String sales = created.json().get("id").asText();
            String account = table.accountOf(anna).orElseThrow();
            assertEquals(Optional.of(new DepartmentPlan(sales, RingStrategy.HUNT_IN_ORDER,
                    List.of(new DepartmentPlan.Member(boris, 15), new DepartmentPlan.Member(anna, 40)), account, null)),
                    table.department(sales));

            assertEquals(200, api.patch("/v1/departments/" + sales, acme, """
                    {"strategy":"round_robin","members":[{"employee_id":"%s","ring_seconds":25},{"employee_id":"%s"}]}"""
                    .formatted(anna, boris)).status());
            assertEquals(Optional.of(new DepartmentPlan(sales, RingStrategy.ROUND_ROBIN,
                    List.of(new DepartmentPlan.Member(anna, 25), new DepartmentPlan.Member(boris, 20)), account, null)),
                    table.department(sales),
                    "new order, new strategy, the default ring time");

            String support = api.post("/v1/departments", acme, "{\"name\":\"Support\",\"strategy\":\"ring_all\"}").json()
                    .get("id").asText();
            assertEquals(List.of(), table.department(support).orElseThrow().members());
            assertEquals(204, api.delete("/v1/departments/" + support, acme).status());
            assertTrue(table.department(support).isEmpty());
        }
    }

    @Test
    void extensionsOfEmployeesAndDepartmentsReachTheDialPlanAndAreUniqueInTheAccount() {
        try (RunningServer running = new RunningServer("h2", dataDir)) {
            Api api = running.api;
            RoutingTable table = running.server.routingTable();
            String acme = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json().get("api_key").asText();
            String anna = employee(api, acme, "101", "anna", "null");
            String account = table.accountOf(anna).orElseThrow();
            assertEquals(Optional.of(new Target.Employee(anna)), table.extension(account, "101"));

            Api.Response clash = api.post("/v1/departments", acme, "{\"name\":\"Sales\",\"extension\":\"101\",\"strategy\":\"ring_all\"}");
            assertEquals(409, clash.status(), clash.body());
            assertTrue(clash.body().contains("extension"), clash.body());

            String sales = api.post("/v1/departments", acme, "{\"name\":\"Sales\",\"extension\":\"200\",\"strategy\":\"ring_all\"}")
                    .json().get("id").asText();
            assertEquals(Optional.of(new Target.Department(sales)), table.extension(account, "200"));
            Api.Response taken = api.patch("/v1/employees/" + anna, acme, "{\"extension\":\"200\"}");
            assertEquals(409, taken.status(), taken.body());

            assertEquals(200, api.patch("/v1/employees/" + anna, acme, "{\"extension\":\"105\"}").status());
            assertEquals(Optional.empty(), table.extension(account, "101"), "the old extension is free at once");
            assertEquals(Optional.of(new Target.Employee(anna)), table.extension(account, "105"));
            assertEquals(200, api.patch("/v1/departments/" + sales, acme, "{\"extension\":null}").status());
            assertEquals(Optional.empty(), table.extension(account, "200"));
            assertEquals(204, api.delete("/v1/employees/" + anna, acme).status());
            assertEquals(Optional.empty(), table.extension(account, "105"));
        }
    }

    @Test
    void aTrunkIsRoutedUnderEachSourceAddressUntilDisabledOrDeleted() {
        try (RunningServer running = new RunningServer("h2", dataDir)) {
            Api api = running.api;
            RoutingTable table = running.server.routingTable();
            String op = RunningServer.OPERATOR_KEY;
            Api.Response created = api.post("/v1/trunks", op, """
                    {"name":"Carrier A","source_addresses":["192.0.2.10","2001:db8::10"],"outbound_uri":"sip:gw.carrier.example"}""");
            assertEquals(201, created.status(), created.body());
            String id = created.json().get("id").asText();
            TrunkEntry expected = new TrunkEntry(id, "Carrier A", List.of("192.0.2.10", "2001:db8:0:0:0:0:0:10"), null, "sip:gw.carrier.example");
            assertEquals(Optional.of(expected), table.trunkFrom("192.0.2.10"));
            assertEquals(Optional.of(expected), table.trunkFrom("2001:db8:0:0:0:0:0:10"), "as the transport writes an IPv6 sender");
            assertEquals(Optional.of(expected), table.outboundTrunk("any-account"));

            assertEquals(200, api.patch("/v1/trunks/" + id, op, "{\"source_addresses\":[\"192.0.2.11\"]}").status());
            assertTrue(table.trunkFrom("192.0.2.10").isEmpty(), "a dropped address is refused at once");
            assertTrue(table.trunkFrom("2001:db8:0:0:0:0:0:10").isEmpty());
            assertEquals(id, table.trunkFrom("192.0.2.11").orElseThrow().id());

            assertEquals(200, api.patch("/v1/trunks/" + id, op, "{\"enabled\":false}").status());
            assertTrue(table.trunkFrom("192.0.2.11").isEmpty(), "a disabled trunk routes nothing");
            assertTrue(table.outboundTrunk("any-account").isEmpty());
            assertEquals(200, api.patch("/v1/trunks/" + id, op, "{\"enabled\":true}").status());
            assertEquals(id, table.trunkFrom("192.0.2.11").orElseThrow().id());

            assertEquals(204, api.delete("/v1/trunks/" + id, op).status());
            assertTrue(table.trunkFrom("192.0.2.11").isEmpty());
            assertEquals(0, table.trunkCount());
        }
    }

    @Test
    void aRestartLoadsTrunksDepartmentsMobilesExtensionsAndCallerIdsFromTheDatabase() {
        String number = "+74951230001";
        String anna;
        String sales;
        String carrier;
        try (RunningServer running = new RunningServer("h2", dataDir)) {
            Api api = running.api;
            String acme = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json().get("api_key").asText();
            anna = employee(api, acme, "101", "anna", "\"+79161234567\"");
            sales = api.post("/v1/departments", acme, """
                    {"name":"Sales","extension":"200","strategy":"memory_hunt","members":[{"employee_id":"%s","ring_seconds":30}]}""".formatted(anna))
                    .json().get("id").asText();
            activeNumber(running, api, acme, number);
            assertEquals(200, api.call("PUT", "/v1/employees/" + anna + "/caller-id", acme, "{\"number\":\"" + number + "\"}",
                    Map.of()).status());
            carrier = api.post("/v1/trunks", RunningServer.OPERATOR_KEY,
                    "{\"name\":\"Carrier A\",\"source_addresses\":[\"192.0.2.10\",\"192.0.2.12\"]}").json().get("id").asText();
            api.post("/v1/trunks", RunningServer.OPERATOR_KEY,
                    "{\"name\":\"Spare\",\"source_addresses\":[\"192.0.2.20\"],\"enabled\":false}");
        }
        try (RunningServer restarted = new RunningServer("h2", dataDir)) {
            RoutingTable table = restarted.server.routingTable();
            assertEquals(Optional.of("+79161234567"), table.mobileOf(anna));
            assertEquals(Optional.of(new DepartmentPlan(sales, RingStrategy.MEMORY_HUNT, List.of(new DepartmentPlan.Member(anna, 30)),
                    table.accountOf(anna).orElseThrow(), "200")), table.department(sales));
            assertEquals(Optional.of(new Target.Department(sales)), table.extension(table.accountOf(anna).orElseThrow(), "200"));
            assertEquals(Optional.of(new Target.Employee(anna)), table.extension(table.accountOf(anna).orElseThrow(), "101"));
            assertEquals(Optional.of(number), table.employee(anna).map(EmployeeEntry::callerId), "her chosen caller ID");
            assertEquals(carrier, table.trunkFrom("192.0.2.10").orElseThrow().id());
            assertEquals(carrier, table.trunkFrom("192.0.2.12").orElseThrow().id());
            assertTrue(table.trunkFrom("192.0.2.20").isEmpty(), "a disabled trunk is not loaded");
            assertEquals(1, table.trunkCount());
        }
    }

    /** Puts the 495 range in the catalog, then buys {@code number} for the account and makes it active. */
    private static void activeNumber(RunningServer running, Api api, String acme, String number) {
        assertEquals(201, api.post("/v1/catalog/ranges", RunningServer.OPERATOR_KEY,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}")
                .status());
        new CallFixtures(running, acme).activate(number, "9204 000001");
    }

    private static String employee(Api api, String key, String extension, String username, String mobileJson) {
        Api.Response created = api.post("/v1/employees", key, """
                {"name":"%s","extension":"%s","sip_username":"%s","sip_password":"correct horse battery","mobile":%s}"""
                .formatted(username, extension, username, mobileJson));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }
}
