package io.vpbx.server;

import static io.vpbx.server.CallFixtures.PASSWORD;
import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarding by working hours through the whole server, SIPp as the carrier and the phones: the server's clock
 * starts on Monday 23 November 2026 at 13:00 in Moscow (10:00Z) and the office closes at 13:05, so moving the clock
 * six minutes on turns the same number from the open-hours employee to the closed-hours one, or to the fallback.
 */
class ScheduledCallSippTest {
    private static final String DID = "+74951230001";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    private RunningServer running;
    private Api api;
    private String acme;
    private CallFixtures fixtures;
    private String anna;
    private String boris;
    private String office;

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
        office = ok(201, api.post("/v1/schedules", acme, """
                {"name":"Office","time_zone":"Europe/Moscow","week":{"mon":[{"from":"09:00","to":"13:05"}]}}""")).json()
                .get("id").asText();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void openHoursRingTheOpenTargetAndClosedHoursTheClosedOne() {
        int annaPhone = fixtures.register("anna");
        int borisPhone = fixtures.register("boris");
        ok(200, api.patch("/v1/numbers/" + DID, acme, """
                {"forwarding":{"target":{"type":"employee","employee_id":"%s"},"ring_timeout":10,
                 "schedule":{"schedule_id":"%s","closed":{"target":{"type":"employee","employee_id":"%s"}}}}}"""
                .formatted(anna, office, boris)));

        try (Sipp.Background answering = uas(annaPhone)) {
            call("call").assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }
        running.clock.advance(Duration.ofMinutes(6));
        try (Sipp.Background answering = uas(borisPhone)) {
            call("call").assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode records = records();
        assertEquals(2, records.size(), records.toString());
        assertEquals(anna, attemptOf(records, "2026-11-23T10:00").get("employee_id").asText(), "13:00 in Moscow: open");
        assertEquals(boris, attemptOf(records, "2026-11-23T10:06").get("employee_id").asText(), "13:06: closed");
    }

    @Test
    void closedHoursWithoutATargetGoStraightToTheFallback() {
        ok(200, api.patch("/v1/numbers/" + DID, acme, """
                {"forwarding":{"target":{"type":"employee","employee_id":"%s"},
                 "schedule":{"schedule_id":"%s","closed":{}}},"fallback":{"type":"hang_up","sip_code":486}}"""
                .formatted(anna, office)));
        running.clock.advance(Duration.ofMinutes(6));

        call("call-refused-486").assertSucceeded();

        JsonNode record = records().get(0);
        assertEquals(486, record.get("final_code").asInt());
        assertEquals("hang_up 486", record.get("fallback").asText());
        assertEquals(0, record.get("attempts").size(), "no phone rang after hours");
    }

    private JsonNode records() {
        running.server.admin().callRecords().flush();
        return ok(200, api.get("/v1/cdrs", acme)).json().get("items");
    }

    private static JsonNode attemptOf(JsonNode records, String startedMinute) {
        for (JsonNode record : records) {
            if (record.get("started_at").asText().startsWith(startedMinute)) {
                return record.get("attempts").get(0);
            }
        }
        throw new AssertionError("no call started at " + startedMinute + ": " + records);
    }

    private Sipp.Result call(String scenario) {
        return Sipp.scenario(scenario).remote(running.server.sip().udpPort()).service(DID)
                .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run();
    }

    private static Sipp.Background uas(int port) {
        return Sipp.scenario("uas-answer").localPort(port).recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).start();
    }
}
