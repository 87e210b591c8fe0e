package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The admin API as a newcomer uses it (the README walkthrough) and as a careless or hostile client
 * uses it, over HTTP against a whole server; run on H2 and on PostgreSQL by the subclasses.
 */
abstract class AdminApiContract extends WholeServerContract {
    AdminApiContract(String kind) {
        super(kind);
    }

    String createAccount(String name) {
        Api.Response created = api.post("/v1/accounts", op, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.body());
        assertTrue(created.json().get("api_key").asText().startsWith("vpbx_"));
        return created.json().get("api_key").asText();
    }

    void importRange(String first, String last) {
        Api.Response imported = api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"" + first + "\",\"last\":\"" + last + "\"}");
        assertEquals(201, imported.status(), imported.body());
    }

    List<String> buy(String key, String... numbers) {
        String list = "[\"" + String.join("\",\"", numbers) + "\"]";
        Api.Response reserved = api.post("/v1/reservations", key, "{\"numbers\":" + list + "}");
        assertEquals(201, reserved.status(), reserved.body());
        Api.Response bought = api.call("POST", "/v1/numbers", key,
                "{\"reservation_id\":\"" + reserved.json().get("id").asText() + "\"}",
                Map.of("Idempotency-Key", "buy-" + System.nanoTime()));
        assertEquals(201, bought.status(), bought.body());
        List<String> result = new ArrayList<>();
        bought.json().get("numbers").forEach(n -> result.add(n.get("number").asText()));
        return result;
    }

    @Test
    void walkthroughFromCatalogToDisconnectIsAuditedEndToEnd() {
        String acme = createAccount("Acme");
        importRange("+7 495 123-00-00", "8 (495) 123-09-99");

        Api.Response search = api.get("/v1/catalog/numbers?country=RU&type=city&region=495&mask=495123**77&limit=100", acme);
        assertEquals(200, search.status(), search.body());
        assertEquals(10, search.json().get("items").size(), "495123x077..495123x977 minus none sold yet");
        JsonNode first = search.json().get("items").get(0);
        assertEquals("+74951230077", first.get("number").asText());
        assertEquals("8 (495) 123-00-77", first.get("national").asText());
        assertNotNull(first.get("price").get("monthly_fee").asText());
        assertEquals("RUB", first.get("price").get("currency").asText());

        Api.Response beautiful = api.get("/v1/catalog/numbers?country=RU&category=silver,gold,platinum,diamond&sort=category_desc", acme);
        assertEquals(200, beautiful.status(), beautiful.body());
        assertFalse(beautiful.json().get("items").isEmpty());
        beautiful.json().get("items").forEach(item -> assertFalse(item.get("category_reasons").isEmpty(), item.toString()));

        Api.Response reserved = api.post("/v1/reservations", acme, "{\"numbers\":[\"+74951230077\",\"84951230177\"]}");
        assertEquals(201, reserved.status(), reserved.body());
        assertEquals("open", reserved.json().get("status").asText());
        String reservationId = reserved.json().get("id").asText();
        Api.Response gone = api.get("/v1/catalog/numbers?ends_with=0077&country=RU", acme);
        assertEquals(0, gone.json().get("items").size(), "a reserved number leaves the catalog");

        Map<String, String> idem = Map.of("Idempotency-Key", "order-42");
        String buyBody = "{\"reservation_id\":\"" + reservationId + "\"}";
        Api.Response bought = api.call("POST", "/v1/numbers", acme, buyBody, idem);
        assertEquals(201, bought.status(), bought.body());
        assertEquals("pending_compliance", bought.json().get("numbers").get(0).get("state").asText());
        Api.Response retried = api.call("POST", "/v1/numbers", acme, buyBody, idem);
        assertEquals(201, retried.status());
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(bought.json(), retried.json());

        Api.Response forwarded = api.patch("/v1/numbers/+74951230077", acme, """
                {"comment":"sales line",
                 "forwarding":{"target":{"type":"external_pbx","uris":["sip:pbx1.example.com:5060","sip:pbx2.example.com"]},"ring_timeout":25},
                 "fallback":{"type":"voicemail","recipients":["boss@example.com"]}}""");
        assertEquals(200, forwarded.status(), forwarded.body());
        assertEquals("sales line", forwarded.json().get("comment").asText());
        assertEquals(2, forwarded.json().get("forwarding").get("target").get("uris").size());

        Api.Response listed = api.get("/v1/numbers?forwarding=external_pbx", acme);
        assertEquals(1, listed.json().get("items").size());

        Api.Response disconnected = api.delete("/v1/numbers/+74951230177", acme);
        assertEquals(200, disconnected.status(), disconnected.body());
        assertEquals("disconnected", disconnected.json().get("state").asText());
        assertNotNull(disconnected.json().get("quarantine_until").asText());

        Api.Response audit = api.call("GET", "/v1/audit-events?resource_type=number&resource_id=%2B74951230077", acme, null,
                Map.of("X-Request-Id", "audit-read-1"));
        assertEquals("audit-read-1", audit.header("X-Request-Id"));
        List<String> actions = StreamSupport.stream(audit.json().get("items").spliterator(), false)
                .map(e -> e.get("action").asText()).toList();
        assertEquals(List.of("number.updated", "number.purchased"), actions);
        JsonNode update = audit.json().get("items").get(0);
        assertEquals("127.0.0.1", update.get("source_ip").asText());
        assertTrue(update.get("actor").asText().startsWith("account/"));
        JsonNode commentChange = StreamSupport.stream(update.get("changes").spliterator(), false)
                .filter(c -> c.get("field").asText().equals("comment")).findFirst().orElseThrow();
        assertTrue(commentChange.get("before").isNull());
        assertEquals("sales line", commentChange.get("after").asText());
    }

    @Test
    void bulkForwardingOfHundredNumbersDryRunFirstThenAllOrNothing() {
        String acme = createAccount("Acme");
        importRange("+74951230000", "+74951230199");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            numbers.add(String.format("+749512300%02d", i));
        }
        List<String> owned = new ArrayList<>();
        for (int i = 0; i < 100; i += 50) {
            owned.addAll(buy(acme, numbers.subList(i, i + 50).toArray(String[]::new)));
        }
        assertEquals(100, owned.size());
        String set = "\"set\":{\"forwarding\":{\"target\":{\"type\":\"external_number\",\"number\":\"+79161234567\"}},\"comment\":\"night\"}";
        Api.Response dry = api.post("/v1/numbers/bulk?dry_run=true", acme, "{\"filter\":{\"type\":\"city\"}," + set + "}");
        assertEquals(200, dry.status(), dry.body());
        assertEquals(100, dry.json().get("changed").asInt());
        assertEquals(2, dry.json().get("diff").get(0).get("changes").size());
        assertTrue(api.get("/v1/numbers/+74951230005", acme).json().get("forwarding").isNull(), "a dry run changes nothing");

        String withForeign = "[\"" + String.join("\",\"", numbers) + "\",\"+74951230150\"]";
        Api.Response refused = api.post("/v1/numbers/bulk", acme, "{\"numbers\":" + withForeign + "," + set + "}");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().get("errors").toString().contains("+74951230150"));
        assertTrue(api.get("/v1/numbers/+74951230005", acme).json().get("forwarding").isNull(), "nothing half done");

        Api.Response applied = api.post("/v1/numbers/bulk", acme, "{\"numbers\":[\"" + String.join("\",\"", numbers) + "\"]," + set + "}");
        assertEquals(200, applied.status(), applied.body());
        assertEquals(100, applied.json().get("changed").asInt());
        JsonNode one = api.get("/v1/numbers/+74951230099", acme).json();
        assertEquals("+79161234567", one.get("forwarding").get("target").get("number").asText());
        assertEquals("night", one.get("comment").asText());
    }

    @Test
    void tenantsNeverSeeEachOthersNumbersOrReservations() {
        String acme = createAccount("Acme");
        String globex = createAccount("Globex");
        importRange("+74951230000", "+74951230009");
        buy(acme, "+74951230001");
        Api.Response reserved = api.post("/v1/reservations", acme, "{\"numbers\":[\"+74951230002\"]}");
        assertEquals(404, api.get("/v1/numbers/+74951230001", globex).status());
        assertEquals(404, api.patch("/v1/numbers/+74951230001", globex, "{\"comment\":\"mine now\"}").status());
        assertEquals(404, api.delete("/v1/numbers/+74951230001", globex).status());
        assertEquals(404, api.get("/v1/reservations/" + reserved.json().get("id").asText(), globex).status());
        Api.Response steal = api.call("POST", "/v1/numbers", globex, "{\"numbers\":[\"+74951230002\"]}", Map.of("Idempotency-Key", "x"));
        assertEquals(409, steal.status(), steal.body());
        assertEquals(0, api.get("/v1/numbers", globex).json().get("items").size());
        JsonNode globexAudit = api.get("/v1/audit-events", globex).json().get("items");
        assertEquals(1, globexAudit.size(), "only Globex's own account creation is visible to it: " + globexAudit);
        assertEquals("account.created", globexAudit.get(0).get("action").asText());
    }

    @Test
    void reservationExpiresOnItsOwnAndQuarantineEnds() {
        String acme = createAccount("Acme");
        importRange("+74951230000", "+74951230009");
        Api.Response reserved = api.post("/v1/reservations", acme, "{\"numbers\":[\"+74951230003\"]}");
        running.clock.advance(Duration.ofMinutes(31));
        running.server.admin().sweeper().sweepOnce();
        assertEquals("expired", api.get("/v1/reservations/" + reserved.json().get("id").asText(), acme).json().get("status").asText());
        assertEquals(1, api.get("/v1/catalog/numbers?ends_with=0003", acme).json().get("items").size());
        Api.Response late = api.call("POST", "/v1/numbers", acme, "{\"reservation_id\":\"" + reserved.json().get("id").asText() + "\"}",
                Map.of("Idempotency-Key", "late"));
        assertEquals(409, late.status(), late.body());

        buy(acme, "+74951230004");
        assertEquals(200, api.delete("/v1/numbers/+74951230004", acme).status());
        running.clock.advance(Duration.ofDays(89));
        running.server.admin().sweeper().sweepOnce();
        assertEquals(0, api.get("/v1/catalog/numbers?ends_with=0004", acme).json().get("items").size(), "still quarantined");
        running.clock.advance(Duration.ofDays(2));
        running.server.admin().sweeper().sweepOnce();
        assertEquals(1, api.get("/v1/catalog/numbers?ends_with=0004", acme).json().get("items").size(), "back in the catalog");
    }

    @Test
    void disconnectIsRefusedWhileAnotherNumberForwardsToIt() {
        String acme = createAccount("Acme");
        importRange("+74951230000", "+74951230009");
        buy(acme, "+74951230001", "+74951230002");
        assertEquals(200, api.patch("/v1/numbers/+74951230002", acme,
                "{\"forwarding\":{\"target\":{\"type\":\"platform_pbx\",\"number\":\"+74951230001\"}}}").status());
        Api.Response refused = api.delete("/v1/numbers/+74951230001", acme);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("forwarding of number +74951230002", refused.json().get("errors").get(0).asText());
        assertEquals(200, api.patch("/v1/numbers/+74951230002", acme, "{\"forwarding\":null}").status());
        assertEquals(200, api.delete("/v1/numbers/+74951230001", acme).status());
    }

    @Test
    void badInputGetsProblemJsonNamingTheField() {
        String acme = createAccount("Acme");
        Api.Response noKey = api.get("/v1/numbers", null);
        assertEquals(401, noKey.status());
        assertEquals("application/problem+json", noKey.header("Content-Type"));
        assertEquals(401, api.get("/v1/numbers", "vpbx_not-a-key").status());

        Api.Response badNumber = api.post("/v1/reservations", acme, "{\"numbers\":[\"+7 495 123\"]}");
        assertEquals(422, badNumber.status());
        assertEquals("numbers[0]", badNumber.json().get("field").asText());

        Api.Response unknownField = api.post("/v1/reservations", acme, "{\"numbrs\":[]}");
        assertEquals(422, unknownField.status());
        assertEquals("numbrs", unknownField.json().get("field").asText());

        Api.Response malformed = api.post("/v1/reservations", acme, "{\"numbers\":[");
        assertEquals(400, malformed.status());
        Api.Response echoed = api.post("/v1/end-users", acme, "{\"document\": AB4508123456}");
        assertEquals(400, echoed.status());
        assertFalse(echoed.body().contains("4508123456"), "a parse error never repeats the input: " + echoed.body());

        Api.Response badRing = api.post("/v1/numbers/bulk", acme,
                "{\"numbers\":[\"+74951230001\"],\"set\":{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"e\"},\"ring_timeout\":1}}}");
        assertEquals(422, badRing.status());
        assertEquals("set.forwarding.ring_timeout", badRing.json().get("field").asText());

        Api.Response badMask = api.get("/v1/catalog/numbers?mask=49x", acme);
        assertEquals(422, badMask.status());
        assertEquals("mask", badMask.json().get("field").asText());

        Api.Response accountByAccount = api.post("/v1/accounts", acme, "{\"name\":\"Evil\"}");
        assertEquals(403, accountByAccount.status());
        Api.Response nowhere = api.get("/v1/nowhere", acme);
        assertEquals(404, nowhere.status());
        assertEquals("application/problem+json", nowhere.header("Content-Type"));
    }

    @Test
    void idempotencyKeyIsRequiredAndBoundToOneRequest() {
        String acme = createAccount("Acme");
        importRange("+74951230000", "+74951230009");
        api.post("/v1/reservations", acme, "{\"numbers\":[\"+74951230001\",\"+74951230002\"]}");
        Api.Response missing = api.post("/v1/numbers", acme, "{\"numbers\":[\"+74951230001\"]}");
        assertEquals(422, missing.status());
        assertEquals("Idempotency-Key", missing.json().get("field").asText());
        Map<String, String> key = Map.of("Idempotency-Key", "k-1");
        assertEquals(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"+74951230001\"]}", key).status());
        Api.Response reused = api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"+74951230002\"]}", key);
        assertEquals(422, reused.status(), reused.body());
        assertEquals("reserved", api.get("/v1/numbers/+74951230002", acme).json().get("state").asText(), "not bought by a reused key");

        running.clock.advance(Duration.ofHours(25));
        running.server.admin().runMaintenance();
        assertEquals(201, api.post("/v1/reservations", acme, "{\"numbers\":[\"+74951230002\"]}").status());
        Api.Response afterRetention = api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"+74951230002\"]}", key);
        assertEquals(201, afterRetention.status(), "the key is forgotten after api.idempotency-retention: " + afterRetention.body());
        assertEquals(null, afterRetention.header("Idempotent-Replayed"));
    }

    @Test
    void csvImportIsAllOrNothingAndNamesTheBadLine() {
        String acme = createAccount("Acme");
        Map<String, String> csv = Map.of("Content-Type", "text/csv");
        Api.Response bad = api.call("POST", "/v1/catalog/imports?country=RU", op,
                "number\n+7 495 500-00-01\n8 (495) 500-00-02\n+7 495 500\n", csv);
        assertEquals(422, bad.status(), bad.body());
        assertEquals("line 4", bad.json().get("field").asText());
        assertEquals(0, api.get("/v1/catalog/numbers?starts_with=4955", acme).json().get("items").size());
        Api.Response good = api.call("POST", "/v1/catalog/imports?country=RU", op,
                "number,comment\n+7 495 500-00-01,a\n8 (495) 500-00-02,b\n8-800-555-35-35,c\n", csv);
        assertEquals(201, good.status(), good.body());
        assertEquals(3, good.json().get("imported").asInt());
        JsonNode tollFree = api.get("/v1/catalog/numbers?type=toll_free", acme).json().get("items").get(0);
        assertEquals("+78005553535", tollFree.get("number").asText());
        assertEquals("toll_free", tollFree.get("type").asText());
        assertEquals(403, api.call("POST", "/v1/catalog/imports?country=RU", acme, "+74955000003\n", csv).status());
    }

    @Test
    void employeesAndDepartmentsAreForwardingTargetsThatCannotVanishWhileUsed() {
        String acme = createAccount("Acme");
        String globex = createAccount("Globex");
        importRange("+74951230000", "+74951230009");
        buy(acme, "+74951230001");
        Api.Response anna = api.post("/v1/employees", acme,
                "{\"name\":\"Anna\",\"extension\":\"101\",\"sip_username\":\"anna.acme\",\"sip_password\":\"correct horse battery\",\"mobile\":\"8 916 123-45-67\"}");
        assertEquals(201, anna.status(), anna.body());
        assertFalse(anna.body().contains("correct horse"), "the password never comes back");
        assertEquals("+79161234567", anna.json().get("mobile").asText());
        String annaId = anna.json().get("id").asText();
        Api.Response sales = api.post("/v1/departments", acme, "{\"name\":\"Sales\",\"strategy\":\"hunt_in_order\",\"members\":[{\"employee_id\":\""
                + annaId + "\",\"ring_seconds\":15}]}");
        assertEquals(201, sales.status(), sales.body());
        String salesId = sales.json().get("id").asText();

        Api.Response foreign = api.patch("/v1/numbers/+74951230001", acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"no-such-employee\"}}}");
        assertEquals(422, foreign.status());
        assertEquals("forwarding.target.employee_id", foreign.json().get("field").asText());
        assertEquals(200, api.patch("/v1/numbers/+74951230001", acme,
                "{\"forwarding\":{\"target\":{\"type\":\"department\",\"department_id\":\"" + salesId + "\"}}}").status());

        assertEquals(404, api.get("/v1/employees/" + annaId, globex).status(), "another tenant's employee does not exist for it");
        Api.Response busyDepartment = api.delete("/v1/departments/" + salesId, acme);
        assertEquals(409, busyDepartment.status(), busyDepartment.body());
        assertTrue(busyDepartment.json().get("errors").toString().contains("+74951230001"));
        Api.Response busyEmployee = api.delete("/v1/employees/" + annaId, acme);
        assertEquals(409, busyEmployee.status(), busyEmployee.body());

        Api.Response audit = api.get("/v1/audit-events?resource_type=employee", acme);
        assertFalse(audit.body().contains("correct horse"), "the password is not in the audit log");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        assertEquals(200, api.get("/health/live", null).status());
        Api.Response ready = api.get("/health/ready", null);
        assertEquals(200, ready.status());
        assertEquals("up", ready.json().get("database").asText());
        api.get("/v1/numbers", null);
        Api.Response metrics = api.get("/metrics", null);
        assertTrue(metrics.body().contains("vpbx_http_requests_seconds_count"), metrics.body());
        assertEquals("3.1.0", api.get("/openapi.json", null).json().get("openapi").asText());
    }
}
