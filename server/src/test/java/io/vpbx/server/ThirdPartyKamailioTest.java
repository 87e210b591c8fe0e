package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.kamailio.DigestAlgorithm;
import io.vpbx.server.kamailio.Kamailio;
import io.vpbx.server.kamailio.OperatorConfig;
import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party number against a real foreign operator: Kamailio as that operator's registrar and proxy (digest
 * on REGISTER and on calls out), SIPp as the employee's phone, the caller on the operator's side and the PSTN
 * behind the operator. vpbx registers, refreshes, carries a call in and a call out, and unregisters.
 */
class ThirdPartyKamailioTest {
    private static final String OP = RunningServer.OPERATOR_KEY;
    private static final String PASSWORD = "correct horse battery";
    private static final String NUMBER = "+79031112233";
    private static final String CONTACT_USER = "tp79031112233";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;
    private RunningServer running;
    private Api api;
    private String acme;
    private String anna;
    private Kamailio operator;
    private final int pstnPort = Sipp.freeUdpPort();

    @BeforeEach
    void start() {
        running = new RunningServer("h2", dataDir, RegistrationFixtures.MD5_ONLY);
        api = running.api;
        acme = RegistrationFixtures.account(api);
        anna = RegistrationFixtures.employee(api, acme, "101", "anna", PASSWORD);
    }

    @AfterEach
    void stop() {
        running.close();
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void registersRefreshesCarriesCallsBothWaysAndUnregistersWhenDisconnected() {
        // the operator grants 4 s at most: vpbx refreshes every 2 s, so a refresh is seen within the test
        operator = Kamailio.start(OperatorConfig.defaults(pstnPort).withMaxExpires(4));
        connect("udp", operator.port());
        awaitState("registered");
        Kamailio.Binding first = onlyBinding();
        assertEquals("sip:" + CONTACT_USER + "@127.0.0.1:" + running.server.sip().udpPort(), first.address());
        await("a refresh on the same Call-ID with a higher CSeq", () -> {
            List<Kamailio.Binding> now = operator.bindings();
            return now.size() == 1 && now.get(0).callId().equals(first.callId()) && now.get(0).cseq() > first.cseq();
        });

        activate();
        int phone = registerPhone();
        ok(200, api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"},\"ring_timeout\":10}}"));

        // in: a caller on the operator's side dials the number there; the operator's lookup sends it to our Contact
        try (Sipp.Background answering = Sipp.scenario("uas-answer").localPort(phone).recvTimeout(WAIT).timeout(CALL_LIMIT).start()) {
            Sipp.scenario("call").remote(operator.port()).service(operator.config().user())
                    .recvTimeout(WAIT).timeout(CALL_LIMIT).run().assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }
        JsonNode in = lastRecord();
        assertEquals("inbound", in.get("direction").asText());
        assertEquals("answered", in.get("result").asText());
        assertEquals(NUMBER, in.get("number").asText());
        assertEquals("third-party:127.0.0.1", in.get("carrier").asText());

        // out: anna calls with the number as caller ID; the operator challenges (407) and carries it to its PSTN
        try (Sipp.Background pstn = Sipp.scenario("uas-operator-pstn").localPort(pstnPort).recvTimeout(WAIT).timeout(CALL_LIMIT).start()) {
            Sipp.scenario("outbound-call").remote(running.server.sip().udpPort()).service("+79001234567")
                    .auth("anna", PASSWORD).key("caller", NUMBER).arguments("-i", "127.0.0.2")
                    .recvTimeout(WAIT).timeout(CALL_LIMIT).run().assertSucceeded();
            pstn.awaitExit(CALL_LIMIT).assertSucceeded();
        }
        JsonNode out = lastRecord();
        assertEquals("outbound", out.get("direction").asText());
        assertEquals("answered", out.get("result").asText());
        assertEquals("+79001234567", out.get("callee").asText());
        assertEquals("third-party:127.0.0.1", out.get("carrier").asText());
        String log = operator.log();
        assertTrue(log.contains("INVITE to sip:+79001234567@127.0.0.1:" + operator.port() + " not authorised")
                && log.contains("outbound call to the PSTN"), "challenged first, then carried\n" + operator.describe());

        // unforward, then disconnect: vpbx unregisters (Expires: 0)
        ok(200, api.patch("/v1/numbers/" + NUMBER, acme, "{\"forwarding\":null}"));
        ok(204, api.delete("/v1/third-party-numbers/" + NUMBER, acme));
        await("the binding removed at the operator", () -> operator.bindings().isEmpty());
        String metrics = api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_uplink_registrations{state=\"registered\"} 0.0"), metrics);
    }

    @Test
    void registersOverTcpWithSha256() {
        operator = Kamailio.start(OperatorConfig.defaults(pstnPort).withAlgorithm(DigestAlgorithm.SHA_256));
        connect("tcp", operator.port());
        awaitState("registered");
        Kamailio.Binding binding = onlyBinding();
        assertTrue(binding.address().startsWith("sip:" + CONTACT_USER + "@127.0.0.1:"), binding.toString());
        assertTrue(binding.socket().startsWith("tcp:"), binding.toString());
        String metrics = api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_uplink_registrations{state=\"registered\"} 1.0"), metrics);
    }

    @Test
    void aWrongPasswordEndsInFailedAuthWithoutHammeringAndANewPasswordRecovers() {
        operator = Kamailio.start(OperatorConfig.defaults(pstnPort));
        ok(201, api.post("/v1/third-party-numbers", acme, """
                {"number":"%s","login":"trunk","password":"wrong","server":"127.0.0.1","port":%d,"transport":"udp","expires":600}"""
                .formatted(NUMBER, operator.port())));
        JsonNode failed = awaitState("failed_auth");
        assertEquals(401, failed.get("registration").get("last_code").asInt(), failed.toString());
        assertTrue(operator.bindings().isEmpty());
        JsonNode history = failed.get("history");
        assertTrue(history.size() >= 3, "pending, retrying..., failed_auth: " + history);
        assertEquals("failed_auth", history.get(0).get("state").asText());

        ok(200, api.patch("/v1/third-party-numbers/" + NUMBER, acme, "{\"password\":\"secret\"}"));
        awaitState("registered");
        assertEquals(1, operator.bindings().size());
    }

    // ---- fixtures ----

    private void connect(String transport, int port) {
        Api.Response created = ok(201, api.post("/v1/third-party-numbers", acme, """
                {"number":"%s","login":"trunk","password":"secret","server":"127.0.0.1","port":%d,"transport":"%s","expires":600}"""
                .formatted(NUMBER, port, transport)));
        assertFalse(created.body().contains("secret"), "the password is never returned: " + created.body());
    }

    private Kamailio.Binding onlyBinding() {
        List<Kamailio.Binding> bindings = operator.bindings();
        assertEquals(1, bindings.size(), operator.describe());
        return bindings.get(0);
    }

    private JsonNode awaitState(String state) {
        JsonNode[] last = new JsonNode[1];
        await("registration state " + state, () -> {
            running.server.flushRegistrationHealth();
            last[0] = ok(200, api.get("/v1/third-party-numbers/" + NUMBER, acme)).json();
            return state.equals(last[0].get("registration").get("state").asText());
        });
        return last[0];
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what + "\n" + (operator == null ? "" : operator.describe()));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private int registerPhone() {
        int port = Sipp.freeUdpPort();
        Sipp.scenario("register").remote(running.server.sip().udpPort()).localPort(port).service("anna")
                .auth("anna", PASSWORD).key("expires", "600").run().assertSucceeded();
        return port;
    }

    /** Made active by the operator's self-submission of a verified holder, like a purchased number. */
    private void activate() {
        ok(201, api.post("/v1/registry-requests/self-submissions", OP, """
                {"number":"%s","end_user":{"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Olga Sidorova",
                 "birth_date":"1990-02-03","address":"Kazan","contact_phone":"+79162223344",
                 "document":{"type":"ru_internal_passport","number":"9204 000001"}}}""".formatted(NUMBER)));
        JsonNode number = ok(200, api.get("/v1/numbers/" + NUMBER, acme)).json();
        assertTrue(number.get("permissions").get("inbound").asBoolean(), number.toString());
    }

    private JsonNode lastRecord() {
        running.server.admin().callRecords().flush();
        JsonNode items = ok(200, api.get("/v1/cdrs", acme)).json().get("items");
        assertTrue(items.size() > 0);
        return items.get(0);
    }

    private static Api.Response ok(int status, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        return response;
    }
}
