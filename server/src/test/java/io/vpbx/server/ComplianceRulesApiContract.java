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
 * Issue 17's rules through the API on a whole server, on H2 and PostgreSQL: the operator's complaint stop, document
 * files on record, the missing Chinese document types, an individual acting through an agent, and the daily expiry
 * re-check on the injected clock.
 */
abstract class ComplianceRulesApiContract extends WholeServerContract {
    static final String RU_PASSPORT = "4508 123456";
    private static final Pattern CODE = Pattern.compile("code (\\d{6})");

    ComplianceRulesApiContract(String kind) {
        super(kind);
    }

    String account(String name, String email) {
        Api.Response created = api.post("/v1/accounts", op, "{\"name\":\"" + name + "\",\"contact_email\":\"" + email + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("api_key").asText();
    }

    void importRange(String country, String type, String region, String first, String last) {
        Api.Response imported = api.post("/v1/catalog/ranges", op, String.format(
                "{\"country\":\"%s\",\"type\":\"%s\",\"region\":\"%s\",\"first\":\"%s\",\"last\":\"%s\"}", country, type, region, first, last));
        assertEquals(201, imported.status(), imported.body());
    }

    void buy(String key, String number) {
        Api.Response reserved = api.post("/v1/reservations", key, "{\"numbers\":[\"" + number + "\"]}");
        assertEquals(201, reserved.status(), reserved.body());
        Api.Response bought = api.call("POST", "/v1/numbers", key, "{\"numbers\":[\"" + number + "\"]}",
                Map.of("Idempotency-Key", "buy-" + number));
        assertEquals(201, bought.status(), bought.body());
    }

    String created(Api.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json().get("id").asText();
    }

    /** Binds {@code number} to the end user and confirms with the code sent to {@code phone}: the number goes active. */
    void bindAndConfirm(String key, String number, String endUserId, String phone) {
        Api.Response bound = api.call("PUT", "/v1/numbers/" + number + "/binding", key,
                "{\"end_user_id\":\"" + endUserId + "\",\"billing\":\"postpaid\"}", Map.of());
        assertEquals(200, bound.status(), bound.body());
        String requestId = bound.json().get("registry_request").get("id").asText();
        Api.Response outbox = api.get("/v1/dev/sms-outbox?to=" + phone.replace("+", "%2B"), op);
        Matcher matcher = CODE.matcher(outbox.body());
        assertTrue(matcher.find(), outbox.body());
        Api.Response confirmed = api.post("/v1/registry-requests/" + requestId + "/confirm", key, "{\"code\":\"" + matcher.group(1) + "\"}");
        assertEquals(200, confirmed.status(), confirmed.body());
    }

    String ruPerson(String key, String phone) {
        return created(api.post("/v1/end-users", key, String.format("""
                {"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Ivan Petrov","birth_date":"1980-05-01",
                 "address":"Moscow, Tverskaya 1","contact_phone":"%s","document":{"type":"ru_internal_passport","number":"%s"}}""",
                phone, RU_PASSPORT)));
    }

    JsonNode number(String key, String number) {
        return api.get("/v1/numbers/" + number, key).json();
    }

    void maintenanceAfter(Duration duration) {
        running.clock.advance(duration);
        running.server.admin().runMaintenance();
    }

    @Test
    void theOperatorStopsANumberOnAComplaintCallsAreRefusedAndOnlyTheOperatorLiftsIt() {
        String acme = account("Acme", "noc@acme.example");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230001");
        bindAndConfirm(acme, "+74951230001", ruPerson(acme, "+79161112233"), "+79161112233");
        String stop = "{\"ground\":\"fraud\",\"reason\":\"callers report a fake bank security service\",\"reference\":\"C-2026-118\"}";
        String path = "/v1/numbers/+74951230001/complaint-stop";

        assertEquals(403, api.post(path, acme, stop).status(), "a tenant cannot stop");
        Api.Response badGround = api.post(path, op, stop.replace("fraud", "spam"));
        assertEquals(422, badGround.status(), badGround.body());
        assertEquals("ground", badGround.json().get("field").asText());
        Api.Response noReference = api.post(path, op, "{\"ground\":\"harassment\",\"reason\":\"night calls\"}");
        assertEquals(422, noReference.status(), noReference.body());
        assertEquals("reference", noReference.json().get("field").asText());

        Api.Response stopped = api.post(path, op, stop);
        assertEquals(200, stopped.status(), stopped.body());
        JsonNode shown = number(acme, "+74951230001");
        assertEquals("C-2026-118", shown.get("complaint_stop").get("reference").asText(), "the number shows it: " + shown);
        assertEquals("fraud", shown.get("complaint_stop").get("ground").asText());
        assertFalse(shown.get("permissions").get("inbound").asBoolean());
        assertFalse(shown.get("permissions").get("outbound").asBoolean());
        assertEquals(409, api.post(path, op, stop).status(), "one stop at a time");

        Api.Response simulated = api.post("/v1/numbers/+74951230001/simulate", acme, "{}");
        assertEquals(200, simulated.status(), simulated.body());
        assertTrue(simulated.body().contains("403 Forbidden (stopped by the operator on a complaint (fraud))"),
                "the SIP answer a call gets: " + simulated.body());

        Api.Response mail = api.get("/v1/dev/email-outbox?to=noc@acme.example", op);
        assertTrue(mail.body().contains("C-2026-118"), "the account is told: " + mail.body());
        Api.Response audit = api.get("/v1/audit-events?action=number.complaint_stopped", acme);
        assertEquals(1, audit.json().get("items").size(), audit.body());

        assertEquals(403, api.post(path + "/lift", acme, "{\"reason\":\"we say so\"}").status(), "a tenant cannot lift it");
        assertEquals(422, api.post(path + "/lift", op, "{}").status(), "lifting needs a reason");
        Api.Response lifted = api.post(path + "/lift", op, "{\"reason\":\"complaint withdrawn by the caller\"}");
        assertEquals(200, lifted.status(), lifted.body());
        JsonNode free = number(acme, "+74951230001");
        assertTrue(free.get("complaint_stop").isNull());
        assertTrue(free.get("permissions").get("outbound").asBoolean());
        Api.Response liftAudit = api.get("/v1/audit-events?action=number.complaint_stop_lifted", acme);
        assertEquals(1, liftAudit.json().get("items").size(), liftAudit.body());
        assertEquals(409, api.post(path + "/lift", op, "{\"reason\":\"again\"}").status());
        assertEquals(404, api.post("/v1/numbers/+74951230009/complaint-stop", op, stop).status(), "a number on the shelf");
    }
}
