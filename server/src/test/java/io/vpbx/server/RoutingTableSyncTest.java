package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.routing.Fallback;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin changes reach the SIP core's in-memory routing table by the time the API answers, without a restart,
 * and a restart rebuilds the table from the database.
 */
class RoutingTableSyncTest {
    @TempDir
    Path dataDir;

    @Test
    void changesReachTheRoutingTableBeforeTheApiAnswersAndSurviveARestart() {
        String number = "+74951230001";
        try (RunningServer running = new RunningServer("h2", dataDir)) {
            Api api = running.api;
            String acme = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json().get("api_key").asText();
            api.post("/v1/catalog/ranges", RunningServer.OPERATOR_KEY,
                    "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}");
            assertTrue(running.server.routingTable().number(number).isEmpty(), "catalog numbers are not routed");
            api.post("/v1/reservations", acme, "{\"numbers\":[\"" + number + "\"]}");
            assertEquals(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + number + "\"]}",
                    Map.of("Idempotency-Key", "k")).status());
            RouteEntry bought = running.server.routingTable().number(number).orElseThrow();
            assertFalse(bought.inbound(), "pending compliance: " + bought.reason());

            assertEquals(200, api.patch("/v1/numbers/" + number, acme, """
                    {"forwarding":{"target":{"type":"external_pbx","uris":["sip:pbx1.example.com","sip:pbx2.example.com"]},"ring_timeout":25},
                     "fallback":{"type":"hang_up","sip_code":486}}""").status());
            RouteEntry forwarded = running.server.routingTable().number(number).orElseThrow();
            assertEquals(new Target.ExternalPbx(List.of("sip:pbx1.example.com", "sip:pbx2.example.com")), forwarded.target());
            assertEquals(25, forwarded.ringSeconds());
            assertEquals(new Fallback.HangUp(486, "Busy Here"), forwarded.fallback());
        }
        try (RunningServer restarted = new RunningServer("h2", dataDir)) {
            RouteEntry reloaded = restarted.server.routingTable().number(number).orElseThrow();
            assertInstanceOf(Target.ExternalPbx.class, reloaded.target(), "rebuilt from the database at startup");
            String acmeKey = restarted.api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Other\"}").json()
                    .get("api_key").asText();
            assertEquals(404, restarted.api.delete("/v1/numbers/" + number, acmeKey).status(), "not Other's number");
        }
    }
}
