package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compliance issue's "done when", through the API on a whole server, on H2 and PostgreSQL: bindings,
 * the registry workflow with deadlines on the injected clock, China's per-document quotas across
 * accounts, suspension for a forged document, and the 400-number caller-ID rule.
 */
abstract class ComplianceApiContract extends WholeServerContract {
    private static final String RU_PASSPORT = "4508 123456";
    private static final String CN_RESIDENT_ID = "11010519491231002X";
    private static final Pattern CODE = Pattern.compile("code (\\d{6})");

    ComplianceApiContract(String kind) {
        super(kind);
    }

    private String account(String name) {
        Api.Response created = api.post("/v1/accounts", op, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("api_key").asText();
    }

    private void importRange(String country, String type, String region, String first, String last) {
        Api.Response imported = api.post("/v1/catalog/ranges", op, String.format(
                "{\"country\":\"%s\",\"type\":\"%s\",\"region\":\"%s\",\"first\":\"%s\",\"last\":\"%s\"}", country, type, region, first, last));
        assertEquals(201, imported.status(), imported.body());
    }

    private void buy(String key, String number) {
        Api.Response reserved = api.post("/v1/reservations", key, "{\"numbers\":[\"" + number + "\"]}");
        assertEquals(201, reserved.status(), reserved.body());
        Api.Response bought = api.call("POST", "/v1/numbers", key, "{\"numbers\":[\"" + number + "\"]}",
                Map.of("Idempotency-Key", "buy-" + number));
        assertEquals(201, bought.status(), bought.body());
    }

    private String person(String key, String jurisdiction, String documentType, String documentNumber, String phone) {
        Api.Response created = api.post("/v1/end-users", key, String.format("""
                {"kind":"person","relation":"employee","jurisdiction":"%s","full_name":"Ivan Petrov","birth_date":"1980-05-01",
                 "address":"Moscow, Tverskaya 1","contact_phone":"%s","contact_email":"ivan@example.com",
                 "document":{"type":"%s","number":"%s"}}""", jurisdiction, phone, documentType, documentNumber));
        assertEquals(201, created.status(), created.body());
        assertFalse(created.body().contains(documentNumber.replace(" ", "")), "the document number never comes back");
        return created.json().get("id").asText();
    }

    private JsonNode bind(String key, String number, String endUserId, String billing) {
        Api.Response bound = api.call("PUT", "/v1/numbers/" + number + "/binding", key,
                "{\"end_user_id\":\"" + endUserId + "\",\"billing\":\"" + billing + "\"}", Map.of());
        assertEquals(200, bound.status(), bound.body());
        return bound.json();
    }

    private String codeSentTo(String phone) {
        Api.Response outbox = api.get("/v1/dev/sms-outbox?to=" + phone.replace("+", "%2B"), op);
        assertEquals(200, outbox.status(), outbox.body());
        Matcher matcher = CODE.matcher(outbox.body());
        assertTrue(matcher.find(), "a confirmation code was sent to " + phone + ": " + outbox.body());
        // the newest message may be a deadline reminder (no code) sent after the code: the code's own message says it
        String field = "";
        for (JsonNode item : outbox.json().get("items")) {
            if (item.path("code").isTextual() && !item.path("code").asText().isEmpty()) {
                field = item.path("code").asText();
                break;
            }
        }
        assertEquals(matcher.group(1), field, "the code as a field too");
        return matcher.group(1);
    }

    private JsonNode number(String key, String number) {
        return api.get("/v1/numbers/" + number, key).json();
    }

    private void maintenanceAfter(Duration duration) {
        running.clock.advance(duration);
        running.server.admin().runMaintenance();
    }

    @Test
    void aPurchasedNumberStaysInactiveWithoutBindingAndIsBlockedAtTheDeadline() {
        String acme = account("Acme");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230001");
        JsonNode pending = number(acme, "+74951230001");
        assertEquals("pending_compliance", pending.get("state").asText());
        assertFalse(pending.get("permissions").get("inbound").asBoolean());
        assertEquals(404, api.get("/v1/numbers/+74951230001/binding", acme).status());
        maintenanceAfter(Duration.ofDays(31));
        assertEquals("blocked_unconfirmed", number(acme, "+74951230001").get("state").asText());
    }

    @Test
    void aPersonBindingGoesSubmittedConfirmedActive() {
        String acme = account("Acme");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230001");
        String ivan = person(acme, "RU", "ru_internal_passport", RU_PASSPORT, "+79161112233");
        JsonNode bound = bind(acme, "+74951230001", ivan, "postpaid");
        assertEquals("pending", bound.get("status").asText());
        String requestId = bound.get("registry_request").get("id").asText();
        assertEquals("awaiting_confirmation", bound.get("registry_request").get("status").asText());

        Api.Response wrong = api.post("/v1/registry-requests/" + requestId + "/confirm", acme, "{\"code\":\"000000\"}");
        String code = codeSentTo("+79161112233");
        if (!code.equals("000000")) {
            assertEquals(422, wrong.status(), wrong.body());
            assertEquals("code", wrong.json().get("field").asText());
        }
        Api.Response confirmed = api.post("/v1/registry-requests/" + requestId + "/confirm", acme, "{\"code\":\"" + code + "\"}");
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("confirmed", confirmed.json().get("status").asText());
        JsonNode active = number(acme, "+74951230001");
        assertEquals("active", active.get("state").asText());
        assertTrue(active.get("permissions").get("inbound").asBoolean());
        assertTrue(active.get("permissions").get("outbound").asBoolean());
        assertEquals("confirmed", api.get("/v1/numbers/+74951230001/binding", acme).json().get("status").asText());
    }

    @Test
    void anUnconfirmedBindingIsBlockedAtTheDeadlineAndUnblockedByALateConfirmation() {
        String acme = account("Acme");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230002");
        String ivan = person(acme, "RU", "ru_internal_passport", RU_PASSPORT, "+79161112233");
        String requestId = bind(acme, "+74951230002", ivan, "postpaid").get("registry_request").get("id").asText();
        maintenanceAfter(Duration.ofDays(29));
        assertEquals("pending_compliance", number(acme, "+74951230002").get("state").asText(), "not yet at the deadline");
        maintenanceAfter(Duration.ofDays(2));
        JsonNode blocked = number(acme, "+74951230002");
        assertEquals("blocked_unconfirmed", blocked.get("state").asText());
        assertFalse(blocked.get("permissions").get("inbound").asBoolean());
        Api.Response late = api.post("/v1/registry-requests/" + requestId + "/confirm", acme,
                "{\"code\":\"" + codeSentTo("+79161112233") + "\"}");
        assertEquals(200, late.status(), late.body());
        assertEquals("active", number(acme, "+74951230002").get("state").asText());
    }

    @Test
    void theSixthPostpaidNumberForOneChineseDocumentIsRefusedAcrossAccounts() {
        String acme = account("Acme");
        String globex = account("Globex");
        importRange("CN", "mobile", "138", "+8613800000000", "+8613800000009");
        String acmePerson = person(acme, "CN", "cn_resident_id_card", CN_RESIDENT_ID, "+8613900000001");
        String globexPerson = person(globex, "CN", "cn_resident_id_card", CN_RESIDENT_ID, "+8613900000002");
        for (int i = 0; i < 3; i++) {
            buy(acme, "+861380000000" + i);
            bind(acme, "+861380000000" + i, acmePerson, "postpaid");
        }
        for (int i = 3; i < 5; i++) {
            buy(globex, "+861380000000" + i);
            bind(globex, "+861380000000" + i, globexPerson, "postpaid");
        }
        buy(globex, "+8613800000005");
        Api.Response sixth = api.call("PUT", "/v1/numbers/+8613800000005/binding", globex,
                "{\"end_user_id\":\"" + globexPerson + "\",\"billing\":\"postpaid\"}", Map.of());
        assertEquals(409, sixth.status(), sixth.body());
        assertTrue(sixth.json().get("detail").asText().contains("at most 5 postpaid"), sixth.body());
        assertFalse(sixth.body().contains(CN_RESIDENT_ID), "the refusal does not name the document");
        assertEquals(200, api.call("PUT", "/v1/numbers/+8613800000005/binding", globex,
                "{\"end_user_id\":\"" + globexPerson + "\",\"billing\":\"prepaid\"}", Map.of()).status(), "prepaid has its own quota");
    }

    @Test
    void aForgedDocumentSuspendsOneWayThenFullStopsAfterFifteenDays() {
        String acme = account("Acme");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230003");
        String ivan = person(acme, "RU", "ru_internal_passport", RU_PASSPORT, "+79161112233");
        String requestId = bind(acme, "+74951230003", ivan, "postpaid").get("registry_request").get("id").asText();
        api.post("/v1/registry-requests/" + requestId + "/confirm", acme, "{\"code\":\"" + codeSentTo("+79161112233") + "\"}");

        assertEquals(403, api.post("/v1/end-users/" + ivan + "/document-status", acme, "{\"status\":\"forged\"}").status());
        Api.Response forged = api.post("/v1/end-users/" + ivan + "/document-status", op,
                "{\"status\":\"forged\",\"reason\":\"registry: passport reported stolen\"}");
        assertEquals(200, forged.status(), forged.body());
        JsonNode oneWay = number(acme, "+74951230003");
        assertEquals("one_way", oneWay.get("suspension").asText());
        assertTrue(oneWay.get("permissions").get("inbound").asBoolean());
        assertFalse(oneWay.get("permissions").get("outbound").asBoolean());
        assertTrue(oneWay.get("suspension_reason").asText().contains("forged"));

        maintenanceAfter(Duration.ofDays(14));
        assertEquals("one_way", number(acme, "+74951230003").get("suspension").asText());
        maintenanceAfter(Duration.ofDays(2));
        JsonNode stopped = number(acme, "+74951230003");
        assertEquals("full_stop", stopped.get("suspension").asText());
        assertFalse(stopped.get("permissions").get("inbound").asBoolean());

        assertEquals(200, api.post("/v1/end-users/" + ivan + "/document-status", op, "{\"status\":\"valid\"}").status());
        JsonNode restored = number(acme, "+74951230003");
        assertEquals("none", restored.get("suspension").asText());
        assertTrue(restored.get("permissions").get("outbound").asBoolean());
    }

    @Test
    void anEndUserSelfSubmitsForANumberTheCompanyDidNotReport() {
        String acme = account("Acme");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230006");
        String endUser = """
                {"kind":"person","relation":"contractor","jurisdiction":"RU","full_name":"Olga Sidorova","birth_date":"1990-02-03",
                 "address":"Kazan","contact_phone":"+79162223344","document":{"type":"ru_internal_passport","number":"%s"}}""";
        Api.Response bad = api.post("/v1/registry-requests/self-submissions", op,
                "{\"number\":\"+74951230006\",\"end_user\":" + String.format(endUser, "4508 12345") + "}");
        assertEquals(422, bad.status(), bad.body());
        assertEquals("end_user.document.number", bad.json().get("field").asText());
        assertEquals(0, api.get("/v1/end-users", acme).json().get("items").size(), "nothing half done");
        assertEquals(403, api.post("/v1/registry-requests/self-submissions", acme,
                "{\"number\":\"+74951230006\",\"end_user\":" + String.format(endUser, "9204 654321") + "}").status());

        Api.Response submitted = api.post("/v1/registry-requests/self-submissions", op,
                "{\"number\":\"+74951230006\",\"end_user\":" + String.format(endUser, "9204 654321") + "}");
        assertEquals(201, submitted.status(), submitted.body());
        assertEquals("confirmed", submitted.json().get("status").asText());
        assertEquals("active", number(acme, "+74951230006").get("state").asText());
        assertEquals("Olga Sidorova", api.get("/v1/end-users/" + submitted.json().get("end_user_id").asText(), acme)
                .json().get("full_name").asText(), "the end user now belongs to the number's account");
        assertEquals(409, api.post("/v1/registry-requests/self-submissions", op,
                "{\"number\":\"+74951230006\",\"end_user\":" + String.format(endUser, "9204 654321") + "}").status(),
                "a number with a confirmed holder is already reported");
    }

    @Test
    void anM2mBindingIsVerifiedByTheOperator() {
        String acme = account("Acme");
        importRange("RU", "mobile", "916", "+79160000000", "+79160000009");
        buy(acme, "+79160000001");
        Api.Response terminal = api.post("/v1/m2m-devices", acme, """
                {"type":"payment_terminal","model":"Ingenico Move/5000","serial_number":"SN-0001","imei":"490154203237518",
                 "installation_address":"Moscow, Arbat 10"}""");
        assertEquals(201, terminal.status(), terminal.body());
        Api.Response bound = api.call("PUT", "/v1/numbers/+79160000001/binding", acme,
                "{\"m2m_device_id\":\"" + terminal.json().get("id").asText() + "\",\"billing\":\"prepaid\"}", Map.of());
        assertEquals(200, bound.status(), bound.body());
        JsonNode request = bound.json().get("registry_request");
        assertEquals("awaiting_verification", request.get("status").asText());
        String path = "/v1/registry-requests/" + request.get("id").asText() + "/verify";
        assertEquals(403, api.post(path, acme, "{\"decision\":\"confirm\"}").status(), "the account cannot verify itself");
        Api.Response verified = api.post(path, op, "{\"decision\":\"confirm\",\"reason\":\"terminal checked on site\"}");
        assertEquals(200, verified.status(), verified.body());
        assertEquals("active", number(acme, "+79160000001").get("state").asText());
        assertEquals(409, api.post(path, op, "{\"decision\":\"reject\"}").status(), "a decided request stays decided");
    }

    @Test
    void personalDataOfAnEndUserWithoutNumbersIsAnonymizedAfterRetention() {
        String acme = account("Acme");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230004");
        String ivan = person(acme, "RU", "ru_internal_passport", RU_PASSPORT, "+79161112233");
        bind(acme, "+74951230004", ivan, "postpaid");
        assertEquals(200, api.delete("/v1/numbers/+74951230004", acme).status());
        maintenanceAfter(Duration.ofDays(1094));
        assertEquals("Ivan Petrov", api.get("/v1/end-users/" + ivan, acme).json().get("full_name").asText(), "kept during retention");
        maintenanceAfter(Duration.ofDays(2));
        JsonNode erased = api.get("/v1/end-users/" + ivan, acme).json();
        assertFalse(erased.toString().contains("Ivan"), "name erased: " + erased);
        assertFalse(erased.toString().contains("Tverskaya"), "address erased: " + erased);
        Api.Response audit = api.get("/v1/audit-events?resource_type=end_user&resource_id=" + ivan + "&action=end_user.anonymized", acme);
        assertEquals(1, audit.json().get("items").size(), "the audit keeps the fact: " + audit.body());
    }

    @Test
    void aChinese400NumberIsRefusedAsCallerId() {
        String acme = account("Acme");
        importRange("CN", "toll_free", "400", "+864001000000", "+864001000009");
        importRange("CN", "mobile", "138", "+8613800000000", "+8613800000009");
        buy(acme, "+864001000001");
        buy(acme, "+8613800000001");
        Api.Response employee = api.post("/v1/employees", acme,
                "{\"name\":\"Li\",\"extension\":\"101\",\"sip_username\":\"li.acme\",\"sip_password\":\"long enough secret\"}");
        assertEquals(201, employee.status(), employee.body());
        String id = employee.json().get("id").asText();
        Api.Response refused = api.call("PUT", "/v1/employees/" + id + "/caller-id", acme, "{\"number\":\"400-100-0001\"}", Map.of());
        assertEquals(422, refused.status(), refused.body());
        assertEquals("number", refused.json().get("field").asText());
        assertTrue(refused.json().get("detail").asText().contains("400"));
        Api.Response accepted = api.call("PUT", "/v1/employees/" + id + "/caller-id", acme, "{\"number\":\"+8613800000001\"}", Map.of());
        assertEquals(200, accepted.status(), accepted.body());
        Api.Response inUse = api.delete("/v1/numbers/+8613800000001", acme);
        assertEquals(409, inUse.status(), "a caller ID in use cannot be disconnected: " + inUse.body());
        assertFalse(number(acme, "+864001000001").get("permissions").get("outbound").asBoolean(), "400 numbers never call out");
    }
}
