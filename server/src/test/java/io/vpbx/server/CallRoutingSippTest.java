package io.vpbx.server;

import static io.vpbx.server.AcmeCalls.CALL_LIMIT;
import static io.vpbx.server.AcmeCalls.uas;
import static io.vpbx.server.CallFixtures.OP;
import static io.vpbx.server.CallFixtures.PASSWORD;
import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls through the whole server over UDP on 127.0.0.1, with SIPp as the carrier (the trunk is 127.0.0.1) and
 * as the employees' phones: numbers bought, made active and forwarded through the admin API, phones registered
 * with digest, and the proxy routing each call from its in-memory table.
 */
class CallRoutingSippTest {
    private static final String DID = "+74951230001";
    private static final String SECOND_DID = "+74951230002";

    @RegisterExtension
    final AcmeCalls calls = AcmeCalls.numbers(DID, SECOND_DID);

    @Test
    void aCallToANumberForwardedToAnEmployeeRingsTheirRegisteredPhone() {
        int phone = calls.fixtures.register("anna");
        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.anna + "\"}", 10);

        try (Sipp.Background answering = uas("uas-answer", phone)) {
            calls.call("call", DID).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = calls.onlyRecord();
        assertEquals("answered", record.get("result").asText());
        assertEquals("inbound", record.get("direction").asText());
        assertEquals(DID, record.get("number").asText());
        assertEquals("+79161234567", record.get("caller").asText());
        assertEquals("carrier", record.get("carrier").asText());
        assertEquals(200, record.get("final_code").asInt());
        assertEquals("sip:anna@127.0.0.1:" + phone, record.get("attempts").get(0).get("destination").asText());
        assertEquals(calls.anna, record.get("attempts").get(0).get("employee_id").asText());
        assertTrue(record.hasNonNull("answered_at"));
    }

    @Test
    void aCarrierOnTcpReachesAPhoneOnUdpAndTheDialogFollowsBothRecordRoutes() {
        int phone = calls.fixtures.register("anna");
        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.anna + "\"}", 10);

        try (Sipp.Background answering = uas("uas-answer", phone)) {
            Sipp.scenario("call").remote(calls.running.server.sip().tcpPort()).transport("t1").service(DID)
                    .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run().assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        assertEquals("answered", calls.onlyRecord().get("result").asText());
        String metrics = calls.api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_calls_total{result=\"answered\"} 1.0"), metrics);
        assertTrue(metrics.contains("vpbx_sip_messages_total{transport=\"tcp\"}"), "TCP messages are counted");
    }

    @Test
    void aHuntMovesToTheNextMemberWhenTheFirstDoesNotAnswerInTheirRingTime() {
        int annaPhone = calls.fixtures.register("anna");
        int borisPhone = calls.fixtures.register("boris");
        String sales = calls.api.post("/v1/departments", calls.acme, """
                {"name":"Sales","strategy":"hunt_in_order","members":[
                  {"employee_id":"%s","ring_seconds":5},{"employee_id":"%s","ring_seconds":10}]}""".formatted(calls.anna, calls.boris))
                .json().get("id").asText();
        calls.fixtures.forward(DID, "{\"type\":\"department\",\"department_id\":\"" + sales + "\"}", 30);

        try (Sipp.Background silent = uas("uas-no-answer", annaPhone); Sipp.Background answering = uas("uas-answer", borisPhone)) {
            calls.call("call", DID).assertSucceeded();
            silent.awaitExit(CALL_LIMIT).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode attempts = calls.onlyRecord().get("attempts");
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals(calls.anna, attempts.get(0).get("employee_id").asText());
        assertEquals("no_answer", attempts.get(0).get("outcome").asText());
        assertEquals(calls.boris, attempts.get(1).get("employee_id").asText());
        assertEquals("answered", attempts.get(1).get("outcome").asText());
    }

    @Test
    void aBusyPhoneGivesTheCallerBusy() {
        int phone = calls.fixtures.register("anna");
        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.anna + "\"}", 10);

        try (Sipp.Background busy = uas("uas-busy", phone)) {
            calls.call("call-refused-486", DID).assertSucceeded();
            busy.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = calls.onlyRecord();
        assertEquals("busy", record.get("result").asText());
        assertEquals(486, record.get("final_code").asInt());
        assertEquals("hang_up 486", record.get("fallback").asText());
    }

    @Test
    void theCallerHangingUpBeforeTheAnswerCancelsTheRingingPhone() {
        int phone = calls.fixtures.register("anna");
        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.anna + "\"}", 30);

        try (Sipp.Background ringing = uas("uas-no-answer", phone)) {
            calls.call("call-cancel", DID).assertSucceeded();
            ringing.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        assertEquals("cancelled", calls.onlyRecord().get("result").asText());
    }

    @Test
    void anUnknownNumberIsNotFound() {
        calls.call("call-refused-404", "+74951239999").assertSucceeded();
    }

    @Test
    void aNumberWithoutAConfirmedHolderRefusesCallsWith403() {
        calls.fixtures.buy("+74951230003");
        JsonNode pending = calls.api.get("/v1/numbers/+74951230003", calls.acme).json();
        assertEquals("pending_compliance", pending.get("state").asText());

        calls.call("call-refused-403", "+74951230003").assertSucceeded();

        JsonNode record = calls.onlyRecord();
        assertEquals("rejected", record.get("result").asText());
        assertEquals(403, record.get("final_code").asInt());
    }

    @Test
    void anEmployeeCannotCallOutWithACallerIdThatIsNotTheirAccountsNumber() {
        Sipp.scenario("outbound-refused").remote(calls.running.server.sip().udpPort()).service("+79161234567")
                .auth("anna", PASSWORD).key("caller", "+74951230009").arguments("-i", "127.0.0.2")
                .recvTimeout(Duration.ofSeconds(5)).run().assertSucceeded();
    }

    @Test
    void anEmployeeCallsOutThroughTheCarrierTrunkWithTheirAccountsNumberAsCallerId() {
        int gateway = Sipp.freeUdpPort();
        ok(201, calls.api.post("/v1/trunks", OP, """
                {"name":"carrier-out","source_addresses":["127.0.0.3"],"outbound_uri":"sip:127.0.0.1:%d"}""".formatted(gateway)));

        try (Sipp.Background carrier = uas("uas-gateway", gateway)) {
            Sipp.scenario("outbound-call").remote(calls.running.server.sip().udpPort()).service("+79161234567")
                    .auth("anna", PASSWORD).key("caller", DID).arguments("-i", "127.0.0.2")
                    .recvTimeout(Duration.ofSeconds(10)).timeout(CALL_LIMIT).run().assertSucceeded();
            carrier.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = calls.onlyRecord();
        assertEquals("outbound", record.get("direction").asText());
        assertEquals("answered", record.get("result").asText());
        assertEquals(DID, record.get("number").asText());
        assertEquals("+79161234567", record.get("callee").asText());
        assertEquals("carrier-out", record.get("carrier").asText());
    }

    @Test
    void aForwardingChangeTakesEffectForTheNextCall() {
        int annaPhone = calls.fixtures.register("anna");
        int borisPhone = calls.fixtures.register("boris");
        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.anna + "\"}", 10);
        try (Sipp.Background answering = uas("uas-answer", annaPhone)) {
            calls.call("call", DID).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.boris + "\"}", 10);

        try (Sipp.Background answering = uas("uas-answer", borisPhone)) {
            calls.call("call", DID).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }
    }
}
