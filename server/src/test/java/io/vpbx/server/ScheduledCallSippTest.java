package io.vpbx.server;

import static io.vpbx.server.AcmeCalls.CALL_LIMIT;
import static io.vpbx.server.AcmeCalls.uas;
import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Forwarding by working hours through the whole server, SIPp as the carrier and the phones: the server's clock
 * starts on Monday 23 November 2026 at 13:00 in Moscow (10:00Z) and the office closes at 13:05, so moving the clock
 * six minutes on turns the same number from the open-hours employee to the closed-hours one, or to the fallback.
 */
class ScheduledCallSippTest {
    private static final String DID = "+74951230001";

    @RegisterExtension
    final AcmeCalls calls = AcmeCalls.numbers(DID);
    private String office;

    @BeforeEach
    void start() {
        office = ok(201, calls.api.post("/v1/schedules", calls.acme, """
                {"name":"Office","time_zone":"Europe/Moscow","week":{"mon":[{"from":"09:00","to":"13:05"}]}}""")).json()
                .get("id").asText();
    }

    @Test
    void openHoursRingTheOpenTargetAndClosedHoursTheClosedOne() {
        int annaPhone = calls.fixtures.register("anna");
        int borisPhone = calls.fixtures.register("boris");
        ok(200, calls.api.patch("/v1/numbers/" + DID, calls.acme, """
                {"forwarding":{"target":{"type":"employee","employee_id":"%s"},"ring_timeout":10,
                 "schedule":{"schedule_id":"%s","closed":{"target":{"type":"employee","employee_id":"%s"}}}}}"""
                .formatted(calls.anna, office, calls.boris)));

        try (Sipp.Background answering = uas("uas-answer", annaPhone)) {
            calls.call("call", DID).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }
        calls.running.clock.advance(Duration.ofMinutes(6));
        try (Sipp.Background answering = uas("uas-answer", borisPhone)) {
            calls.call("call", DID).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode records = calls.records();
        assertEquals(2, records.size(), records.toString());
        assertEquals(calls.anna, attemptOf(records, "2026-11-23T10:00").get("employee_id").asText(), "13:00 in Moscow: open");
        assertEquals(calls.boris, attemptOf(records, "2026-11-23T10:06").get("employee_id").asText(), "13:06: closed");
    }

    @Test
    void closedHoursWithoutATargetGoStraightToTheFallback() {
        ok(200, calls.api.patch("/v1/numbers/" + DID, calls.acme, """
                {"forwarding":{"target":{"type":"employee","employee_id":"%s"},
                 "schedule":{"schedule_id":"%s","closed":{}}},"fallback":{"type":"hang_up","sip_code":486}}"""
                .formatted(calls.anna, office)));
        calls.running.clock.advance(Duration.ofMinutes(6));

        calls.call("call-refused-486", DID).assertSucceeded();

        JsonNode record = calls.records().get(0);
        assertEquals(486, record.get("final_code").asInt());
        assertEquals("hang_up 486", record.get("fallback").asText());
        assertEquals(0, record.get("attempts").size(), "no phone rang after hours");
    }

    private static JsonNode attemptOf(JsonNode records, String startedMinute) {
        for (JsonNode record : records) {
            if (record.get("started_at").asText().startsWith(startedMinute)) {
                return record.get("attempts").get(0);
            }
        }
        throw new AssertionError("no call started at " + startedMinute + ": " + records);
    }
}
