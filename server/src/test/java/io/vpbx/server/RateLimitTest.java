package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One API key over its rate gets 429 with Retry-After; another key is not slowed down by it. */
class RateLimitTest {
    @TempDir
    Path dataDir;

    @Test
    void aKeyOverItsRateIsThrottledAloneWithRetryAfter() {
        try (RunningServer running = new RunningServer("h2", dataDir, "--admin.rate-limit.per-second=1",
                "--admin.rate-limit.burst=3")) {
            Api api = running.api;
            String acme = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json().get("api_key").asText();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, api.get("/v1/numbers", acme).status(), "request " + i + " is within the burst");
            }
            Api.Response throttled = api.get("/v1/numbers", acme);
            assertEquals(429, throttled.status());
            assertEquals("application/problem+json", throttled.header("Content-Type"));
            assertTrue(Integer.parseInt(throttled.header("Retry-After")) >= 1);
            assertEquals(200, api.get("/v1/accounts", RunningServer.OPERATOR_KEY).status(), "the operator's key has its own bucket");
        }
    }
}
