package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.thirdparty.RegistrationReport;
import io.vpbx.admin.domain.thirdparty.ThirdPartyLine;
import io.vpbx.telephony.uplink.RegistrationState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Third-party numbers over HTTP against a whole server: an account connects Russian numbers and the operator any,
 * the password never comes back (not in answers, not in the audit log, not plain in the database), another
 * account's lines are "not found", the number is the account's like a bought one, and the SIP side's registration
 * reports show up as health and history. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class ThirdPartyNumberApiContract extends WholeServerContract {
    private static final String PASSWORD = "Pa55-w0rd-XYZ";
    /**
     * The SIP side registers every connected line at once, and {@code sip.operator.example} does not resolve, so each
     * registration reports pending and retrying within moments. With a retry an hour away (each wait is at least half
     * of it) that first report is the only one during a test: the tests wait for it and then know what is stored.
     */
    private static final String[] QUIET_RETRIES = {"--uplink.retry-base=1h", "--uplink.retry-max=1h"};
    private static final Duration FIRST_REPORT_WAIT = Duration.ofSeconds(30);
    private static final String MOBILE = "+79161234567";
    private static final String LINE = """
            {"number":"8 (916) 123-45-67","login":"acme-line","password":"Pa55-w0rd-XYZ","server":"sip.operator.example",
             "comment":"office line"}""";

    String acme;
    String acmeId;
    String other;

    ThirdPartyNumberApiContract(String kind) {
        super(kind);
    }

    @Override
    String[] flags() {
        return QUIET_RETRIES;
    }

    @BeforeEach
    void createAccounts() {
        Api.Response created = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}");
        acme = created.json().get("api_key").asText();
        acmeId = created.json().get("id").asText();
        other = api.post("/v1/accounts", op, "{\"name\":\"Other\"}").json().get("api_key").asText();
    }

    private JsonNode connect(String key, String body) {
        Api.Response created = api.post("/v1/third-party-numbers", key, body);
        assertEquals(201, created.status(), created.body());
        assertFalse(created.body().contains(PASSWORD), "the password never comes back");
        return created.json();
    }

    @Test
    void anAccountConnectsAReadsAndSeesItAmongItsNumbers() {
        JsonNode line = connect(acme, LINE);
        assertEquals(MOBILE, line.get("number").asText());
        assertEquals(acmeId, line.get("account_id").asText());
        assertEquals("acme-line", line.get("login").asText());
        assertEquals("sip.operator.example", line.get("server").asText());
        assertEquals(5060, line.get("port").asInt(), "default port");
        assertEquals("udp", line.get("transport").asText(), "default transport");
        assertEquals(3600, line.get("expires").asInt(), "default expiry");
        assertEquals("office line", line.get("comment").asText());
        assertTrue(line.get("enabled").asBoolean());
        assertFalse(line.has("password"));
        assertEquals("pending", line.get("registration").get("state").asText(), "nothing reported yet");
        assertTrue(line.get("registration").get("registered_until").isNull());

        Api.Response one = api.get("/v1/third-party-numbers/" + MOBILE, acme);
        assertEquals(200, one.status(), one.body());
        assertFalse(one.body().contains(PASSWORD));
        // the SIP side starts registering at once (a name that does not resolve, already looked up when it was saved,
        // fails from the JVM's negative cache within milliseconds): its first report is health and history
        JsonNode reported = awaitRegistration(MOBILE, "retrying");
        assertEquals(503, reported.get("registration").get("last_code").asInt(), reported.toString());
        assertEquals(List.of("retrying", "pending"), states(reported.get("history")), "newest first");
        Api.Response list = api.get("/v1/third-party-numbers", acme);
        assertEquals(List.of(MOBILE), numbers(list.json().get("items")));
        assertEquals("retrying", list.json().get("items").get(0).get("registration").get("state").asText());
        assertFalse(list.body().contains(PASSWORD));

        Api.Response number = api.get("/v1/numbers/" + MOBILE, acme);
        assertEquals(200, number.status(), number.body());
        assertEquals("pending_compliance", number.json().get("state").asText(), "like a bought number: compliance first");
        assertFalse(number.json().get("permissions").get("inbound").asBoolean());
        assertEquals("0.00", number.json().get("price").get("monthly_fee").asText(), "the other operator bills it");
        assertEquals("0.00", number.json().get("price").get("connection_fee").asText());
        assertEquals("mobile", number.json().get("type").asText());
        assertTrue(running.server.routingTable().number(MOBILE).isPresent(), "the routing table heard of the number");

        ThirdPartyLine sip = running.server.admin().routingSource().thirdPartyLine(MOBILE).orElseThrow();
        assertEquals(PASSWORD, sip.password(), "the SIP side gets the password opened");
        assertEquals("udp", sip.transport());
        List<ThirdPartyLine> all = new ArrayList<>();
        assertEquals(1, running.server.admin().routingSource().thirdPartyLines(all::add));
        assertEquals(sip, all.get(0));
        assertFalse(rawDatabaseHolds(PASSWORD), "sealed at rest");
        assertAuditHidesThePassword();
    }

    @Test
    void badInputIsAnsweredWithProblemJsonNamingTheField() {
        String ok = "\"number\":\"+79161234567\",\"login\":\"u\",\"password\":\"p\",\"server\":\"sip.operator.example\"";
        assertField("number", api.post("/v1/third-party-numbers", acme, "{\"login\":\"u\",\"password\":\"p\",\"server\":\"s.example\"}"));
        assertField("number", api.post("/v1/third-party-numbers", acme, "{" + ok.replace("+79161234567", "+7916") + "}"));
        assertField("login", api.post("/v1/third-party-numbers", acme, "{" + ok.replace("\"u\"", "\"two words\"") + "}"));
        assertField("login", api.post("/v1/third-party-numbers", acme, "{" + ok.replace("\"u\"", "\"" + "u".repeat(65) + "\"") + "}"));
        assertField("password", api.post("/v1/third-party-numbers", acme, "{" + ok.replace("\"p\"", "\"\"") + "}"));
        assertField("password", api.post("/v1/third-party-numbers", acme, "{" + ok.replace("\"p\"", "\"" + "p".repeat(129) + "\"") + "}"));
        assertField("server", api.post("/v1/third-party-numbers", acme, "{" + ok.replace("sip.operator.example", "sip:sip.operator.example") + "}"));
        assertField("server", api.post("/v1/third-party-numbers", acme, "{" + ok.replace("sip.operator.example", "sip.operator.example:5060") + "}"));
        assertField("port", api.post("/v1/third-party-numbers", acme, "{" + ok + ",\"port\":0}"));
        assertField("port", api.post("/v1/third-party-numbers", acme, "{" + ok + ",\"port\":\"high\"}"));
        assertField("transport", api.post("/v1/third-party-numbers", acme, "{" + ok + ",\"transport\":\"tls\"}"));
        assertField("expires", api.post("/v1/third-party-numbers", acme, "{" + ok + ",\"expires\":59}"));
        assertField("expires", api.post("/v1/third-party-numbers", acme, "{" + ok + ",\"expires\":86401}"));
        assertField("comment", api.post("/v1/third-party-numbers", acme, "{" + ok + ",\"comment\":\"" + "c".repeat(1001) + "\"}"));
        assertField("realm", api.post("/v1/third-party-numbers", acme, "{" + ok + ",\"realm\":\"x\"}"));
        Api.Response malformed = api.post("/v1/third-party-numbers", acme, "{\"number\":");
        assertEquals(400, malformed.status());
        assertEquals(0, api.get("/v1/third-party-numbers", acme).json().get("items").size(), "nothing refused was stored");
        assertEquals(404, api.get("/v1/numbers/" + MOBILE, acme).status(), "nor its number");
    }

    @Test
    void anotherCountryIsTheOperatorsToConnect() {
        for (String foreign : List.of("+86 10 1234 5678", "+44 20 7946 0958", "8 800 555 35 35")) {
            Api.Response refused = api.post("/v1/third-party-numbers", acme, "{\"number\":\"" + foreign
                    + "\",\"login\":\"u\",\"password\":\"p\",\"server\":\"sip.operator.example\"}");
            assertField("number", refused);
            assertTrue(refused.json().get("detail").asText().contains("contact the operator"), refused.body());
        }
        String chinese = "{\"number\":\"+86 10 1234 5678\",\"login\":\"u\",\"password\":\"p\",\"server\":\"192.0.2.10\",\"transport\":\"tcp\"";
        assertField("account_id", api.post("/v1/third-party-numbers", op, chinese + "}"));
        assertField("account_id", api.post("/v1/third-party-numbers", op, chinese + ",\"account_id\":\"no-such-account\"}"));
        assertEquals(404, api.post("/v1/third-party-numbers", other, chinese.replace("+86 10 1234 5678", MOBILE)
                + ",\"account_id\":\"" + acmeId + "\"}").status(), "an account connects only for itself");
        JsonNode line = connect(op, chinese + ",\"account_id\":\"" + acmeId + "\"}");
        assertEquals("+861012345678", line.get("number").asText());
        assertEquals(acmeId, line.get("account_id").asText());
        assertEquals("tcp", line.get("transport").asText());
        assertEquals(List.of("+861012345678"), numbers(api.get("/v1/third-party-numbers", acme).json().get("items")),
                "the account sees the line the operator connected for it");
        assertEquals(200, api.get("/v1/third-party-numbers/+861012345678", op).status());
        assertEquals(1, api.get("/v1/third-party-numbers?account_id=" + acmeId, op).json().get("items").size());
    }

    @Test
    void anotherAccountsLineIsNotFound() {
        connect(acme, LINE);
        assertEquals(404, api.get("/v1/third-party-numbers/" + MOBILE, other).status());
        assertEquals(404, api.patch("/v1/third-party-numbers/" + MOBILE, other, "{\"enabled\":false}").status());
        assertEquals(404, api.delete("/v1/third-party-numbers/" + MOBILE, other).status());
        assertEquals(0, api.get("/v1/third-party-numbers", other).json().get("items").size());
        assertEquals(404, api.get("/v1/third-party-numbers?account_id=" + acmeId, other).status());
        assertEquals(401, api.get("/v1/third-party-numbers", null).status());
        assertTrue(api.get("/v1/third-party-numbers/" + MOBILE, acme).json().get("enabled").asBoolean(), "nothing changed");
    }

    @Test
    void aNumberAlreadyConnectedOrInTheCatalogIsAConflict() {
        connect(acme, LINE);
        Api.Response again = api.post("/v1/third-party-numbers", other, LINE);
        assertEquals(409, again.status(), again.body());
        assertEquals("application/problem+json", again.header("Content-Type"));
        assertFalse(again.json().get("detail").asText().contains("already connected"), "another account's line is not described: " + again.body());
        Api.Response mine = api.post("/v1/third-party-numbers", acme, LINE);
        assertEquals(409, mine.status(), mine.body());
        assertTrue(mine.json().get("detail").asText().contains("already connected to this account"), mine.body());

        Api.Response imported = api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230001\"}");
        assertEquals(201, imported.status(), imported.body());
        Api.Response ours = api.post("/v1/third-party-numbers", acme, LINE.replace("8 (916) 123-45-67", "+74951230001"));
        assertEquals(409, ours.status(), ours.body());
        assertEquals(again.json().get("detail").asText().replace("79161234567", "74951230001"), ours.json().get("detail").asText(),
                "a number in the catalog and one connected by another account get the same answer");
    }

    @Test
    void patchChangesTheLineAndAuditsThePasswordOnlyAsChanged() {
        connect(acme, LINE);
        JsonNode reported = awaitRegistration(MOBILE, "retrying").get("registration");
        Api.Response patched = api.patch("/v1/third-party-numbers/" + MOBILE, acme, """
                {"password":"N3w-secret-Q","server":"192.0.2.20","port":5080,"transport":"tcp","expires":600,"comment":null,
                 "enabled":false}""");
        assertEquals(200, patched.status(), patched.body());
        assertFalse(patched.body().contains("N3w-secret-Q"));
        JsonNode line = patched.json();
        assertEquals("192.0.2.20", line.get("server").asText());
        assertEquals(5080, line.get("port").asInt());
        assertEquals("tcp", line.get("transport").asText());
        assertEquals(600, line.get("expires").asInt());
        assertTrue(line.get("comment").isNull());
        assertFalse(line.get("enabled").asBoolean());
        assertEquals(reported, line.get("registration"), "the health stored when patched; the SIP side reports the change after");
        JsonNode disabled = awaitRegistration(MOBILE, "disabled");
        assertEquals(((ObjectNode) line.deepCopy()).without("registration"), ((ObjectNode) disabled.deepCopy()).without(List.of("history", "registration")));
        ThirdPartyLine sip = running.server.admin().routingSource().thirdPartyLine(MOBILE).orElseThrow();
        assertEquals("N3w-secret-Q", sip.password());
        assertFalse(sip.enabled());

        Api.Response back = api.patch("/v1/third-party-numbers/" + MOBILE, acme, "{\"port\":null,\"transport\":null,\"enabled\":true}");
        assertEquals(5060, back.json().get("port").asInt(), "null is the default again");
        assertEquals("udp", back.json().get("transport").asText());

        assertField("login", api.patch("/v1/third-party-numbers/" + MOBILE, acme, "{\"login\":\"other\"}"));
        assertField("number", api.patch("/v1/third-party-numbers/" + MOBILE, acme, "{\"number\":\"+79160000000\"}"));
        assertField("body", api.patch("/v1/third-party-numbers/" + MOBILE, acme, "{}"));
        assertField("enabled", api.patch("/v1/third-party-numbers/" + MOBILE, acme, "{\"enabled\":null}"));
        assertField("server", api.patch("/v1/third-party-numbers/" + MOBILE, acme, "{\"server\":null}"));
        assertField("expires", api.patch("/v1/third-party-numbers/" + MOBILE, acme, "{\"expires\":5}"));
        assertEquals(404, api.patch("/v1/third-party-numbers/+79160000000", acme, "{\"enabled\":false}").status());

        JsonNode events = api.get("/v1/audit-events?resource_type=third_party_number&resource_id=%2B79161234567", acme)
                .json().get("items");
        JsonNode updated = events.get(1);
        assertEquals("third_party_number.updated", updated.get("action").asText());
        JsonNode password = field(updated, "password");
        assertEquals("(hidden)", password.get("before").asText());
        assertEquals("(hidden) changed", password.get("after").asText());
        assertFalse(events.toString().contains("N3w-secret-Q") || events.toString().contains(PASSWORD));
        assertFalse(rawDatabaseHolds("N3w-secret-Q"));
    }

    @Test
    void disconnectFollowsTheRulesOfABoughtNumberAndRemovesLineAndNumber() {
        connect(acme, LINE);
        String second = "+79169999999";
        connect(acme, LINE.replace("8 (916) 123-45-67", second));
        Api.Response forwarded = api.patch("/v1/numbers/" + second, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"platform_pbx\",\"number\":\"" + MOBILE + "\"}}}");
        assertEquals(200, forwarded.status(), forwarded.body());

        Api.Response inUse = api.delete("/v1/third-party-numbers/" + MOBILE, acme);
        assertEquals(409, inUse.status(), inUse.body());
        assertEquals("forwarding of number " + second, inUse.json().get("errors").get(0).asText());
        Api.Response viaNumbers = api.delete("/v1/numbers/" + second, acme);
        assertEquals(409, viaNumbers.status(), viaNumbers.body());
        assertTrue(viaNumbers.json().get("detail").asText().contains("/v1/third-party-numbers"), viaNumbers.body());
        assertEquals("pending_compliance", api.get("/v1/numbers/" + second, acme).json().get("state").asText(), "not quarantined");

        assertEquals(204, api.delete("/v1/third-party-numbers/" + second, acme).status());
        assertEquals(204, api.delete("/v1/third-party-numbers/" + MOBILE, acme).status());
        assertEquals(404, api.get("/v1/third-party-numbers/" + MOBILE, acme).status());
        assertEquals(404, api.get("/v1/numbers/" + MOBILE, acme).status(), "the number left with the line");
        assertTrue(running.server.routingTable().number(MOBILE).isEmpty(), "and left the routing table");
        assertTrue(running.server.admin().routingSource().thirdPartyLine(MOBILE).isEmpty());
        assertEquals(404, api.delete("/v1/third-party-numbers/" + MOBILE, acme).status());
        connect(other, LINE);
        assertEquals(List.of("third_party_number.connected", "third_party_number.disconnected", "third_party_number.connected"),
                actions(api.get("/v1/audit-events?resource_type=third_party_number&resource_id=%2B79161234567", op).json()
                        .get("items")), "newest first: reconnected by another account after the disconnection");
    }

    @Test
    void registrationReportsShowAsHealthAndHistory() {
        connect(acme, LINE);
        // the SIP side's own first report (pending, then retrying with 503, stamped now) is stored before the hand-fed
        // ones, which come later, so that the staleness rule orders them all
        awaitRegistration(MOBILE, "retrying");
        Instant t0 = running.clock.instant().plusSeconds(1);
        var reports = running.server.admin().thirdPartyRegistrations();
        reports.recordRegistrations(List.of(
                new RegistrationReport(MOBILE, RegistrationState.RETRYING, t0, null, 408, "Request Timeout", t0.plusSeconds(30), "node-a"),
                new RegistrationReport(MOBILE, RegistrationState.REGISTERED, t0.plusSeconds(31), t0.plusSeconds(3631), 200, "OK", null, "node-a")));
        reports.recordRegistrations(List.of(
                new RegistrationReport(MOBILE, RegistrationState.REGISTERED, t0.plusSeconds(1800), t0.plusSeconds(5400), 200, "OK", null, "node-a"),
                new RegistrationReport("+79160000000", RegistrationState.REGISTERED, t0, t0.plusSeconds(60), 200, "OK", null, "node-a")));

        JsonNode line = api.get("/v1/third-party-numbers/" + MOBILE, acme).json();
        JsonNode registration = line.get("registration");
        assertEquals("registered", registration.get("state").asText());
        assertEquals(t0.plusSeconds(5400).toString(), registration.get("registered_until").asText(), "moved by the refresh");
        assertEquals(200, registration.get("last_code").asInt());
        assertEquals("OK", registration.get("last_reason").asText());
        assertEquals(t0.plusSeconds(1800).toString(), registration.get("updated_at").asText());
        JsonNode history = line.get("history");
        assertEquals(List.of("registered", "retrying", "retrying", "pending"), states(history),
                "newest first, refresh not repeated, after the SIP side's own first report");
        assertEquals(408, history.get(1).get("code").asInt());
        assertEquals(503, history.get(2).get("code").asInt(), "the SIP side's report: a new answer is a new entry");
        assertEquals(t0.plusSeconds(30).toString(), history.get(1).get("next_attempt_at").asText());
        assertEquals("node-a", history.get(0).get("node").asText());
        assertEquals("registered", api.get("/v1/third-party-numbers", acme).json().get("items").get(0).get("registration")
                .get("state").asText());
    }

    private void assertAuditHidesThePassword() {
        JsonNode events = api.get("/v1/audit-events?resource_id=%2B79161234567", acme).json().get("items");
        assertEquals(List.of("third_party_number.connected", "number.connected"), actions(events));
        assertFalse(events.toString().contains(PASSWORD), events.toString());
        assertEquals("(hidden)", field(events.get(0), "password").get("after").asText());
        assertEquals("pending_compliance", field(events.get(1), "state").get("after").asText());
    }

    /** Whether any text column of the line's tables holds {@code secret} as it is. */
    private boolean rawDatabaseHolds(String secret) {
        try (Connection connection = running.server.dataSource().getConnection(); Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT login, password_sealed, server_host FROM third_party_numbers")) {
            boolean found = false;
            while (rs.next()) {
                assertTrue(rs.getString(2).startsWith("v1:"), "sealed by the document cipher");
                found |= (rs.getString(1) + rs.getString(2) + rs.getString(3)).contains(secret);
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The line once the SIP side's report of {@code state} is stored: polled, as the report is written in batches on a
     * thread of its own, with a bound so that a report that never comes fails the test.
     */
    private JsonNode awaitRegistration(String e164, String state) {
        Instant deadline = Instant.now().plus(FIRST_REPORT_WAIT);
        JsonNode line = api.get("/v1/third-party-numbers/" + e164, acme).json();
        while (!state.equals(line.get("registration").get("state").asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + state + " report within " + FIRST_REPORT_WAIT + ": " + line);
            }
            pause();
            line = api.get("/v1/third-party-numbers/" + e164, acme).json();
        }
        return line;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a registration report", e);
        }
    }

    private static List<String> states(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false).map(h -> h.get("state").asText()).toList();
    }

    private static List<String> numbers(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.get("number").asText()).toList();
    }

    private static List<String> actions(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false).map(e -> e.get("action").asText()).toList();
    }

    private static void assertField(String field, Api.Response response) {
        assertTrue(response.status() == 422 || response.status() == 400, response.status() + " " + response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals(field, response.json().get("field").asText(), response.body());
    }

    private static JsonNode field(JsonNode event, String name) {
        return StreamSupport.stream(event.get("changes").spliterator(), false)
                .filter(c -> c.get("field").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + event));
    }
}
