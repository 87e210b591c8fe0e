package io.vpbx.server;

import static io.vpbx.server.AcmeCalls.CALL_LIMIT;
import static io.vpbx.server.AcmeCalls.uas;
import static io.vpbx.server.CallFixtures.PASSWORD;
import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Internal calls through the whole server over UDP on 127.0.0.1: anna's phone (SIPp, authenticating with digest and
 * asking for no caller ID: its From user is its username) dials a colleague's extension, a department's extension
 * and another number of her account; boris's registered phone (SIPp) answers. No carrier is involved. A service code
 * she dials is answered by vpbx itself with the account's scenario.
 */
class InternalCallsSippTest {
    private static final String DID = "+74951230001";
    private static final String SECOND_DID = "+74951230002";

    @RegisterExtension
    final AcmeCalls calls = AcmeCalls.numbers(DID, SECOND_DID);

    @Test
    void annaDialsBorissExtensionAndHisPhoneAnswers() {
        int borisPhone = calls.fixtures.register("boris");

        try (Sipp.Background answering = uas("uas-answer", borisPhone)) {
            annaCalls("102");
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = calls.onlyRecord();
        assertEquals("answered", record.get("result").asText());
        assertEquals("102", record.get("callee").asText());
        assertEquals(DID, record.get("number").asText(), "the account's first number is her caller ID");
        assertEquals(calls.boris, record.get("attempts").get(0).get("employee_id").asText());
        assertEquals("sip:boris@127.0.0.1:" + borisPhone, record.get("attempts").get(0).get("destination").asText());
    }

    @Test
    void annaDialsADepartmentsExtensionAndItsMemberAnswers() {
        int borisPhone = calls.fixtures.register("boris");
        ok(201, calls.api.post("/v1/departments", calls.acme, """
                {"name":"Sales","extension":"200","strategy":"ring_all","members":[{"employee_id":"%s","ring_seconds":10}]}"""
                .formatted(calls.boris)));

        try (Sipp.Background answering = uas("uas-answer", borisPhone)) {
            annaCalls("200");
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        assertEquals(calls.boris, calls.onlyRecord().get("attempts").get(0).get("employee_id").asText());
    }

    @Test
    void annaDialsAnotherNumberOfHerAccountWhichRingsByItsForwardingWithHerChosenCallerId() {
        int borisPhone = calls.fixtures.register("boris");
        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.boris + "\"}", 10);
        ok(200, calls.api.call("PUT", "/v1/employees/" + calls.anna + "/caller-id", calls.acme, "{\"number\":\"" + SECOND_DID + "\"}",
                Map.of()));

        try (Sipp.Background answering = uas("uas-answer", borisPhone)) {
            annaCalls("84951230001");
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = calls.onlyRecord();
        assertEquals("answered", record.get("result").asText());
        assertEquals(DID, record.get("callee").asText());
        assertEquals(SECOND_DID, record.get("number").asText());
        assertEquals(calls.boris, record.get("attempts").get(0).get("employee_id").asText());
    }

    @Test
    void annaDialsAServiceCodeAndItsScenarioAnswersTakesHerDigitAndEndsTheCall() {
        calls.fixtures.register("anna");
        String menu = upload("menu", 2.0);
        String thanks = upload("thanks", 0.5);
        Api.Response created = calls.api.post("/v1/scenarios", calls.acme, """
                {"name":"Staff line","service_code":"*12","start":"main","steps":{
                  "main":{"type":"menu","prompt":"%s","options":{"1":"thanks"},"timeout":5,"retries":1},
                  "thanks":{"type":"play","media":"%s","next":"bye"},
                  "bye":{"type":"hangup","code":480}}}""".formatted(menu, thanks));
        assertEquals(201, created.status(), created.body());
        String scenario = created.json().get("id").asText();

        Sipp.scenario("service-code-call").remote(calls.running.server.sip().udpPort()).service("%2A12")
                .auth("anna", PASSWORD).key("caller", "anna").key("rtp_port", String.valueOf(Sipp.freeUdpPort()))
                .key("digit", "1").arguments("-i", "127.0.0.2")
                .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run().assertSucceeded();

        JsonNode record = calls.onlyRecord();
        assertEquals("answered", record.get("result").asText(), record.toString());
        assertEquals("*12", record.get("callee").asText());
        List<String> path = new ArrayList<>();
        for (JsonNode attempt : record.get("attempts")) {
            if (attempt.get("kind").asText().equals("scenario")) {
                assertEquals(scenario + " v1", attempt.get("destination").asText());
                path.add(attempt.get("outcome").asText());
            }
        }
        assertEquals(List.of("step main", "digit 1", "step thanks", "step bye"), path, record.toString());
    }

    @Test
    void aServiceCodeTheAccountDoesNotHaveIsNotFound() {
        Sipp.scenario("outbound-not-found").remote(calls.running.server.sip().udpPort()).service("*99")
                .auth("anna", PASSWORD).key("caller", "anna").arguments("-i", "127.0.0.2")
                .recvTimeout(Duration.ofSeconds(10)).timeout(CALL_LIMIT).run().assertSucceeded();
    }

    private String upload(String name, double seconds) {
        Api.Response uploaded = calls.api.exactly("POST", "/v1/media?name=" + name, calls.acme,
                HttpRequest.BodyPublishers.ofByteArray(Wavs.tone(8_000, 1, seconds, 700)), Map.of("Content-Type", "audio/wav"));
        assertEquals(201, uploaded.status(), uploaded.body());
        return uploaded.json().get("id").asText();
    }

    private void annaCalls(String dialed) {
        Sipp.scenario("outbound-call").remote(calls.running.server.sip().udpPort()).service(dialed)
                .auth("anna", PASSWORD).key("caller", "anna").arguments("-i", "127.0.0.2")
                .recvTimeout(Duration.ofSeconds(10)).timeout(CALL_LIMIT).run().assertSucceeded();
    }
}
