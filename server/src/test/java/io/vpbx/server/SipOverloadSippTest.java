package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a carrier trunk relies on under load, through the whole server with SIPp over UDP on 127.0.0.1 (the trunk
 * is 127.0.0.1): the per-source throttle counts only requests that start something, and an answer the caller never
 * acknowledges is ended after Timer H instead of staying "active" (and billable) for hours.
 */
class SipOverloadSippTest {
    private static final String OP = RunningServer.OPERATOR_KEY;
    private static final String PASSWORD = "correct horse battery";
    private static final String DID = "+74951230001";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private RunningServer running;
    private Api api;
    private String acme;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aTrunkWhoseMessagesExceedThePerSourceLimitLosesNoCall() {
        // 10 requests/s from any address, trunks included; 8 calls/s are 24 requests/s (INVITE, ACK, BYE) of which
        // only the 8 INVITEs start something
        start("--sip.per-source.rate=10", "--sip.per-source.burst=10", "--sip.per-source.trunk-rate=10",
                "--sip.per-source.trunk-burst=10");
        int calls = 40;
        try (Sipp.Background answering = Sipp.scenario("uas-answer").localPort(phoneForwardedTo()).calls(calls)
                .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).start()) {
            Sipp.scenario("call").remote(running.server.sip().udpPort()).service(DID).rate(8).calls(calls)
                    .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run().assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        String metrics = api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_calls_total{result=\"answered\"} " + calls + ".0"), metrics);
        assertTrue(metrics.contains("vpbx_sip_dropped_total{reason=\"throttled\"} 0.0"), metrics);
    }

    @Test
    void anAnswerTheCallerNeverAcknowledgesIsHungUpAfterTimerHAndNotBilled() {
        // Timer H = 64*T1 = 3.2 s
        start("--sip.timer-t1=50ms");
        try (Sipp.Background answering = Sipp.scenario("uas-answer-hung-up").localPort(phoneForwardedTo())
                .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).start()) {
            Sipp.scenario("call-no-ack").remote(running.server.sip().udpPort()).service(DID)
                    .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run().assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        running.server.admin().callRecords().flush();
        Api.Response list = ok(200, api.get("/v1/cdrs", acme));
        JsonNode items = list.json().get("items");
        assertEquals(1, items.size(), list.body());
        assertEquals("not_acknowledged", items.get(0).get("result").asText());
        assertEquals(0, items.get(0).get("duration_s").asInt());
        String metrics = api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_calls_active 0.0"), metrics);
        assertTrue(metrics.contains("vpbx_sip_calls_total{result=\"not_acknowledged\"} 1.0"), metrics);
    }

    private void start(String... flags) {
        String[] all = java.util.Arrays.copyOf(flags, flags.length + 1);
        all[flags.length] = RegistrationFixtures.MD5_ONLY;
        running = new RunningServer("h2", dataDir, all);
        api = running.api;
        acme = RegistrationFixtures.account(api);
        ok(201, api.post("/v1/catalog/ranges", OP,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}"));
        ok(201, api.post("/v1/trunks", OP, "{\"name\":\"carrier\",\"source_addresses\":[\"127.0.0.1\"]}"));
        ok(201, api.post("/v1/reservations", acme, "{\"numbers\":[\"" + DID + "\"]}"));
        ok(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + DID + "\"]}", Map.of("Idempotency-Key", "buy")));
        ok(201, api.post("/v1/registry-requests/self-submissions", OP, """
                {"number":"%s","end_user":{"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Olga Sidorova",
                 "birth_date":"1990-02-03","address":"Kazan","contact_phone":"+79162223344",
                 "document":{"type":"ru_internal_passport","number":"9204 000001"}}}""".formatted(DID)));
    }

    /** An employee whose registered phone (on the port returned) the number is forwarded to. */
    private int phoneForwardedTo() {
        String anna = RegistrationFixtures.employee(api, acme, "101", "anna", PASSWORD);
        int port = Sipp.freeUdpPort();
        Sipp.scenario("register").remote(running.server.sip().udpPort()).localPort(port).service("anna")
                .auth("anna", PASSWORD).key("expires", "600").run().assertSucceeded();
        ok(200, api.patch("/v1/numbers/" + DID, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"},\"ring_timeout\":10}}"));
        return port;
    }

    private static Api.Response ok(int status, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        return response;
    }
}
