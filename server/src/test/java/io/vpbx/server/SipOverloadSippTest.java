package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a carrier trunk relies on under load, through the whole server with SIPp over UDP on 127.0.0.1 (the trunk
 * is 127.0.0.1): the per-source throttle counts only requests that start something, and an answer the caller never
 * acknowledges is ended after Timer H instead of staying "active" (and billable) for hours.
 */
class SipOverloadSippTest {
    private static final String DID = "+74951230001";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private AcmeCalls calls;

    @AfterEach
    void stop() {
        if (calls != null) {
            calls.close();
        }
    }

    @Test
    void aTrunkWhoseMessagesExceedThePerSourceLimitLosesNoCall() {
        // 10 requests/s from any address, trunks included; 8 calls/s are 24 requests/s (INVITE, ACK, BYE) of which
        // only the 8 INVITEs start something
        start("--sip.per-source.rate=10", "--sip.per-source.burst=10", "--sip.per-source.trunk-rate=10",
                "--sip.per-source.trunk-burst=10");
        int count = 40;
        try (Sipp.Background answering = Sipp.scenario("uas-answer").localPort(phoneForwardedTo()).calls(count)
                .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).start()) {
            Sipp.scenario("call").remote(calls.running.server.sip().udpPort()).service(DID).rate(8).calls(count)
                    .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run().assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        String metrics = calls.api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_calls_total{result=\"answered\"} " + count + ".0"), metrics);
        assertTrue(metrics.contains("vpbx_sip_dropped_total{reason=\"throttled\"} 0.0"), metrics);
    }

    @Test
    void anAnswerTheCallerNeverAcknowledgesIsHungUpAfterTimerHAndNotBilled() {
        // Timer H = 64*T1 = 3.2 s
        start("--sip.timer-t1=50ms");
        try (Sipp.Background answering = Sipp.scenario("uas-answer-hung-up").localPort(phoneForwardedTo())
                .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).start()) {
            Sipp.scenario("call-no-ack").remote(calls.running.server.sip().udpPort()).service(DID)
                    .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run().assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
        }

        JsonNode record = calls.onlyRecord();
        assertEquals("not_acknowledged", record.get("result").asText());
        assertEquals(0, record.get("duration_s").asInt());
        String metrics = calls.api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_calls_active 0.0"), metrics);
        assertTrue(metrics.contains("vpbx_sip_calls_total{result=\"not_acknowledged\"} 1.0"), metrics);
    }

    private void start(String... flags) {
        calls = AcmeCalls.withFlags(dataDir, flags, DID);
    }

    /** Anna's registered phone (on the port returned), where the number is forwarded. */
    private int phoneForwardedTo() {
        int port = calls.fixtures.register("anna");
        calls.fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + calls.anna + "\"}", 10);
        return port;
    }
}
