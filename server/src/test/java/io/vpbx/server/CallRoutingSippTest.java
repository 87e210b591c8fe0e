package io.vpbx.server;

import static io.vpbx.server.CallFixtures.OP;
import static io.vpbx.server.CallFixtures.PASSWORD;
import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls through the whole server over UDP on 127.0.0.1, with SIPp as the carrier (the trunk is 127.0.0.1) and
 * as the employees' phones: numbers bought, made active and forwarded through the admin API, phones registered
 * with digest, and the proxy routing each call from its in-memory table.
 */
class CallRoutingSippTest {
    private static final String DID = "+74951230001";
    private static final String SECOND_DID = "+74951230002";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    private RunningServer running;
    private Api api;
    private String acme;
    private CallFixtures fixtures;
    private String anna;
    private String boris;

    @BeforeEach
    void start() {
        running = new RunningServer("h2", dataDir, RegistrationFixtures.MD5_ONLY);
        api = running.api;
        acme = RegistrationFixtures.account(api);
        fixtures = new CallFixtures(running, acme);
        anna = RegistrationFixtures.employee(api, acme, "101", "anna", PASSWORD);
        boris = RegistrationFixtures.employee(api, acme, "102", "boris", PASSWORD);
        fixtures.carrier();
        fixtures.activate(DID, "9204 000001");
        fixtures.activate(SECOND_DID, "9204 000002");
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void aCallToANumberForwardedToAnEmployeeRingsTheirRegisteredPhone() {
        int phone = fixtures.register("anna");
        fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"}", 10);

        try (Sipp.Background answering = uas("uas-answer", phone)) {
            call("call", DID).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = onlyRecord();
        assertEquals("answered", record.get("result").asText());
        assertEquals("inbound", record.get("direction").asText());
        assertEquals(DID, record.get("number").asText());
        assertEquals("+79161234567", record.get("caller").asText());
        assertEquals("carrier", record.get("carrier").asText());
        assertEquals(200, record.get("final_code").asInt());
        assertEquals("sip:anna@127.0.0.1:" + phone, record.get("attempts").get(0).get("destination").asText());
        assertEquals(anna, record.get("attempts").get(0).get("employee_id").asText());
        assertTrue(record.hasNonNull("answered_at"));
    }

    @Test
    void aCarrierOnTcpReachesAPhoneOnUdpAndTheDialogFollowsBothRecordRoutes() {
        int phone = fixtures.register("anna");
        fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"}", 10);

        try (Sipp.Background answering = uas("uas-answer", phone)) {
            Sipp.scenario("call").remote(running.server.sip().tcpPort()).transport("t1").service(DID)
                    .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run().assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        assertEquals("answered", onlyRecord().get("result").asText());
        String metrics = api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_calls_total{result=\"answered\"} 1.0"), metrics);
        assertTrue(metrics.contains("vpbx_sip_messages_total{transport=\"tcp\"}"), "TCP messages are counted");
    }

    @Test
    void aHuntMovesToTheNextMemberWhenTheFirstDoesNotAnswerInTheirRingTime() {
        int annaPhone = fixtures.register("anna");
        int borisPhone = fixtures.register("boris");
        String sales = api.post("/v1/departments", acme, """
                {"name":"Sales","strategy":"hunt_in_order","members":[
                  {"employee_id":"%s","ring_seconds":5},{"employee_id":"%s","ring_seconds":10}]}""".formatted(anna, boris))
                .json().get("id").asText();
        fixtures.forward(DID, "{\"type\":\"department\",\"department_id\":\"" + sales + "\"}", 30);

        try (Sipp.Background silent = uas("uas-no-answer", annaPhone); Sipp.Background answering = uas("uas-answer", borisPhone)) {
            call("call", DID).assertSucceeded();
            silent.awaitExit(CALL_LIMIT).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode attempts = onlyRecord().get("attempts");
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals(anna, attempts.get(0).get("employee_id").asText());
        assertEquals("no_answer", attempts.get(0).get("outcome").asText());
        assertEquals(boris, attempts.get(1).get("employee_id").asText());
        assertEquals("answered", attempts.get(1).get("outcome").asText());
    }

    @Test
    void aBusyPhoneGivesTheCallerBusy() {
        int phone = fixtures.register("anna");
        fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"}", 10);

        try (Sipp.Background busy = uas("uas-busy", phone)) {
            call("call-refused-486", DID).assertSucceeded();
            busy.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = onlyRecord();
        assertEquals("busy", record.get("result").asText());
        assertEquals(486, record.get("final_code").asInt());
        assertEquals("hang_up 486", record.get("fallback").asText());
    }

    @Test
    void theCallerHangingUpBeforeTheAnswerCancelsTheRingingPhone() {
        int phone = fixtures.register("anna");
        fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"}", 30);

        try (Sipp.Background ringing = uas("uas-no-answer", phone)) {
            call("call-cancel", DID).assertSucceeded();
            ringing.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        assertEquals("cancelled", onlyRecord().get("result").asText());
    }

    @Test
    void anUnknownNumberIsNotFound() {
        call("call-refused-404", "+74951239999").assertSucceeded();
    }

    @Test
    void aNumberWithoutAConfirmedHolderRefusesCallsWith403() {
        fixtures.buy("+74951230003");
        JsonNode pending = api.get("/v1/numbers/+74951230003", acme).json();
        assertEquals("pending_compliance", pending.get("state").asText());

        call("call-refused-403", "+74951230003").assertSucceeded();

        JsonNode record = onlyRecord();
        assertEquals("rejected", record.get("result").asText());
        assertEquals(403, record.get("final_code").asInt());
    }

    @Test
    void anEmployeeCannotCallOutWithACallerIdThatIsNotTheirAccountsNumber() {
        Sipp.scenario("outbound-refused").remote(running.server.sip().udpPort()).service("+79161234567")
                .auth("anna", PASSWORD).key("caller", "+74951230009").arguments("-i", "127.0.0.2")
                .recvTimeout(Duration.ofSeconds(5)).run().assertSucceeded();
    }

    @Test
    void anEmployeeCallsOutThroughTheCarrierTrunkWithTheirAccountsNumberAsCallerId() {
        int gateway = Sipp.freeUdpPort();
        ok(201, api.post("/v1/trunks", OP, """
                {"name":"carrier-out","source_addresses":["127.0.0.3"],"outbound_uri":"sip:127.0.0.1:%d"}""".formatted(gateway)));

        try (Sipp.Background carrier = uas("uas-gateway", gateway)) {
            Sipp.scenario("outbound-call").remote(running.server.sip().udpPort()).service("+79161234567")
                    .auth("anna", PASSWORD).key("caller", DID).arguments("-i", "127.0.0.2")
                    .recvTimeout(Duration.ofSeconds(10)).timeout(CALL_LIMIT).run().assertSucceeded();
            carrier.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = onlyRecord();
        assertEquals("outbound", record.get("direction").asText());
        assertEquals("answered", record.get("result").asText());
        assertEquals(DID, record.get("number").asText());
        assertEquals("+79161234567", record.get("callee").asText());
        assertEquals("carrier-out", record.get("carrier").asText());
    }

    @Test
    void aForwardingChangeTakesEffectForTheNextCall() {
        int annaPhone = fixtures.register("anna");
        int borisPhone = fixtures.register("boris");
        fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"}", 10);
        try (Sipp.Background answering = uas("uas-answer", annaPhone)) {
            call("call", DID).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + boris + "\"}", 10);

        try (Sipp.Background answering = uas("uas-answer", borisPhone)) {
            call("call", DID).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }
    }

    // ---- fixtures ----

    /** The account's one call record, once the writer has taken what the proxy handed it. */
    private JsonNode onlyRecord() {
        running.server.admin().callRecords().flush();
        Api.Response list = ok(200, api.get("/v1/cdrs", acme));
        JsonNode items = list.json().get("items");
        assertEquals(1, items.size(), list.body());
        return items.get(0);
    }

    private Sipp.Result call(String scenario, String number) {
        return Sipp.scenario(scenario).remote(running.server.sip().udpPort()).service(number)
                .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run();
    }

    private static Sipp.Background uas(String scenario, int port) {
        return Sipp.scenario(scenario).localPort(port).recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).start();
    }
}
