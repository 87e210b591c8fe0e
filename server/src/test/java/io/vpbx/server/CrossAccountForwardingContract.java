package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.sip.routing.Target;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One account never blocks another (issue 10, API finding 3): forwarding to another account's number needs its
 * holder's consent, refused alike for every number without one; the holder's disconnect or revocation drops the
 * forwarding (audited in the forwarding account, followed by the routing table) instead of answering 409.
 */
abstract class CrossAccountForwardingContract extends WholeServerContract {
    private static final String ACME_NUMBER = "+74951230001";
    private static final String GLOBEX_NUMBER = "+74951230002";
    private static final String FREE_NUMBER = "+74951230005";
    private static final String NO_SUCH_NUMBER = "+74957770000";

    String acme;
    String acmeId;
    String globex;
    String globexId;

    CrossAccountForwardingContract(String kind) {
        super(kind);
    }

    @BeforeEach
    void createAccountsWithNumbers() {
        JsonNode a = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json();
        acme = a.get("api_key").asText();
        acmeId = a.get("id").asText();
        JsonNode g = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Globex\"}").json();
        globex = g.get("api_key").asText();
        globexId = g.get("id").asText();
        assertEquals(201, api.post("/v1/catalog/ranges", RunningServer.OPERATOR_KEY,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}").status());
        buy(acme, ACME_NUMBER);
        buy(globex, GLOBEX_NUMBER);
    }

    private void buy(String key, String number) {
        assertEquals(201, api.post("/v1/reservations", key, "{\"numbers\":[\"" + number + "\"]}").status());
        assertEquals(201, api.call("POST", "/v1/numbers", key, "{\"numbers\":[\"" + number + "\"]}",
                Map.of("Idempotency-Key", "buy-" + number)).status());
    }

    private Api.Response forward(String key, String from, String to) {
        return api.patch("/v1/numbers/" + from, key,
                "{\"forwarding\":{\"target\":{\"type\":\"platform_pbx\",\"number\":\"" + to + "\"}}}");
    }

    @Test
    void withoutConsentAnotherAccountsNumberIsRefusedLikeAFreeOrUnknownOne() {
        Api.Response foreign = forward(acme, ACME_NUMBER, GLOBEX_NUMBER);
        Api.Response free = forward(acme, ACME_NUMBER, FREE_NUMBER);
        Api.Response unknown = forward(acme, ACME_NUMBER, NO_SUCH_NUMBER);
        for (Api.Response refused : new Api.Response[] {foreign, free, unknown}) {
            assertEquals(422, refused.status(), refused.body());
            assertEquals("forwarding.target.number", refused.json().get("field").asText());
        }
        assertEquals(detail(free, FREE_NUMBER), detail(foreign, GLOBEX_NUMBER), "nothing tells a held number from a free one");
        assertEquals(detail(unknown, NO_SUCH_NUMBER), detail(foreign, GLOBEX_NUMBER), "nor from one that does not exist");
        assertTrue(api.get("/v1/numbers/" + ACME_NUMBER, acme).json().get("forwarding").isNull());
    }

    @Test
    void theHoldersDisconnectDropsAConsentedForwardingInsteadOfAnswering409() {
        grant(globex, GLOBEX_NUMBER, acmeId);
        assertEquals(200, forward(acme, ACME_NUMBER, GLOBEX_NUMBER).status());
        assertInstanceOf(Target.PlatformNumber.class, running.server.routingTable().number(ACME_NUMBER).orElseThrow().target());

        Api.Response disconnected = api.delete("/v1/numbers/" + GLOBEX_NUMBER, globex);
        assertEquals(200, disconnected.status(), "another account's forwarding never blocks a disconnect: " + disconnected.body());

        assertTrue(api.get("/v1/numbers/" + ACME_NUMBER, acme).json().get("forwarding").isNull(), "the forwarding was dropped");
        assertFalse(running.server.routingTable().number(ACME_NUMBER).orElseThrow().target() instanceof Target.PlatformNumber,
                "the routing table follows: calls to Acme's number take its fallback");
        JsonNode dropped = lastAudit(acme, ACME_NUMBER);
        assertEquals("number.forwarding_dropped", dropped.get("action").asText());
        assertFalse(dropped.toString().contains(globexId), "Acme's audit says nothing about Globex: " + dropped);
        assertFalse(api.get("/v1/audit-events", globex).body().contains(ACME_NUMBER), "nor Globex's about Acme");
    }

    @Test
    void revokingConsentDropsTheForwardingThatReliedOnIt() {
        grant(globex, GLOBEX_NUMBER, acmeId);
        Api.Response listed = api.get("/v1/numbers/" + GLOBEX_NUMBER + "/forwarding-consents", globex);
        assertEquals(200, listed.status(), listed.body());
        assertEquals(acmeId, listed.json().get("items").get(0).get("account_id").asText());
        assertEquals(404, api.get("/v1/numbers/" + GLOBEX_NUMBER + "/forwarding-consents", acme).status(),
                "only the holder sees a number's consents");
        assertEquals(200, forward(acme, ACME_NUMBER, GLOBEX_NUMBER).status());

        assertEquals(204, api.delete("/v1/numbers/" + GLOBEX_NUMBER + "/forwarding-consents/" + acmeId, globex).status());
        assertTrue(api.get("/v1/numbers/" + ACME_NUMBER, acme).json().get("forwarding").isNull());
        assertFalse(running.server.routingTable().number(ACME_NUMBER).orElseThrow().target() instanceof Target.PlatformNumber);
        assertEquals("number.forwarding_dropped", lastAudit(acme, ACME_NUMBER).get("action").asText());
        assertEquals(422, forward(acme, ACME_NUMBER, GLOBEX_NUMBER).status(), "no consent any more");
    }

    @Test
    void revokingConsentSendsClosedHoursThatWentThereToTheFallbackAndKeepsTheOpenTarget() {
        grant(globex, GLOBEX_NUMBER, acmeId);
        buy(acme, "+74951230003");
        String schedule = api.post("/v1/schedules", acme, "{\"name\":\"Office\",\"time_zone\":\"Europe/Moscow\"}")
                .json().get("id").asText();
        Api.Response forwarded = api.patch("/v1/numbers/" + ACME_NUMBER, acme, "{\"forwarding\":{\"target\":"
                + "{\"type\":\"platform_pbx\",\"number\":\"+74951230003\"},\"schedule\":{\"schedule_id\":\"" + schedule
                + "\",\"closed\":{\"target\":{\"type\":\"platform_pbx\",\"number\":\"" + GLOBEX_NUMBER + "\"}}}}}");
        assertEquals(200, forwarded.status(), forwarded.body());

        assertEquals(204, api.delete("/v1/numbers/" + GLOBEX_NUMBER + "/forwarding-consents/" + acmeId, globex).status());
        JsonNode kept = api.get("/v1/numbers/" + ACME_NUMBER, acme).json().get("forwarding");
        assertEquals("+74951230003", kept.get("target").get("number").asText(), kept.toString());
        assertFalse(kept.get("schedule").get("closed").has("target"), "closed hours take the fallback now: " + kept);
        assertInstanceOf(Target.None.class, running.server.routingTable().number(ACME_NUMBER).orElseThrow().schedule().closed());
        assertEquals("number.forwarding_dropped", lastAudit(acme, ACME_NUMBER).get("action").asText());
    }

    @Test
    void anAccountsOwnForwardingStillBlocksItsDisconnectAndIsNamed() {
        buy(acme, "+74951230003");
        assertEquals(200, forward(acme, "+74951230003", ACME_NUMBER).status());
        Api.Response refused = api.delete("/v1/numbers/" + ACME_NUMBER, acme);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("forwarding of number +74951230003", refused.json().get("errors").get(0).asText());
    }

    @Test
    void consentsAreTheHoldersAndAnswer4xxForBadInput() {
        Api.Response self = api.post("/v1/numbers/" + GLOBEX_NUMBER + "/forwarding-consents", globex,
                "{\"account_id\":\"" + globexId + "\"}");
        assertEquals(422, self.status(), self.body());
        assertEquals(404, api.post("/v1/numbers/" + GLOBEX_NUMBER + "/forwarding-consents", acme,
                "{\"account_id\":\"" + acmeId + "\"}").status(), "not Acme's number to give");
        for (String bad : new String[] {"{}", "{\"account_id\":7}", "{\"account_id\":\"x\",\"more\":1}", "[]", "null"}) {
            Api.Response answer = api.post("/v1/numbers/" + GLOBEX_NUMBER + "/forwarding-consents", globex, bad);
            assertTrue(answer.status() >= 400 && answer.status() < 500, bad + " -> " + answer.status() + " " + answer.body());
            assertEquals("application/problem+json", answer.header("Content-Type"));
        }
        assertEquals(404, api.delete("/v1/numbers/" + GLOBEX_NUMBER + "/forwarding-consents/" + acmeId, globex).status());
    }

    private void grant(String key, String number, String accountId) {
        Api.Response granted = api.post("/v1/numbers/" + number + "/forwarding-consents", key, "{\"account_id\":\"" + accountId + "\"}");
        assertEquals(201, granted.status(), granted.body());
    }

    private JsonNode lastAudit(String key, String number) {
        Api.Response audit = api.get("/v1/audit-events?resource_type=number&resource_id=" + number.replace("+", "%2B"), key);
        assertEquals(200, audit.status(), audit.body());
        return StreamSupport.stream(audit.json().get("items").spliterator(), false).findFirst().orElseThrow();
    }

    private static String detail(Api.Response response, String number) {
        return response.json().get("detail").asText().replace(number, "N");
    }
}
