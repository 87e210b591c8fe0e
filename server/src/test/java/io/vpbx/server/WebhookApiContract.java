package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vpbx.admin.domain.event.WebhookSignature;
import io.vpbx.telephony.cdr.CallProgress;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /v1/webhooks over HTTP against a whole server (loopback allowed, as the operator of a lab would): the secret is shown
 * once and signs what a receiver on 127.0.0.1 gets for a purchase (number.state_changed), a voicemail
 * (voicemail.created), a call's progress (call.started, call.answered) and a missed call (call.ended and call.missed); private targets and unknown event types are
 * refused with 422 naming the field; another account sees none of it; the delivery log and a redelivery work.
 */
abstract class WebhookApiContract extends WholeServerContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUMBER = "+74951230001";

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<Boolean> signed = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private HttpServer receiver;
    private String acme;
    private String acmeId;
    private String globex;

    WebhookApiContract(String kind) {
        super(kind);
    }

    @BeforeEach
    void accountsAndReceiver() throws IOException {
        JsonNode a = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}").json();
        acme = a.get("api_key").asText();
        acmeId = a.get("id").asText();
        globex = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}").json().get("api_key").asText();
        assertEquals(201, api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}").status());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
                // the server's clock is the test's: the receiver's "now" is the same instant
                boolean valid = header != null && WebhookSignature.verify(header, secret, body, running.clock.instant(),
                        Duration.ofMinutes(5));
                signed.add(valid);
                received.add(JSON.readTree(body));
                exchange.sendResponseHeaders(valid ? 200 : 401, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/vpbx";
    }

    private String subscribe(String events) {
        Api.Response made = api.post("/v1/webhooks", acme, "{\"url\":\"" + url() + "\",\"events\":" + events + "}");
        assertEquals(201, made.status(), made.body());
        secret = made.json().get("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        return made.json().get("id").asText();
    }

    private JsonNode awaitEvent(String type) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode event : received) {
                if (event.get("type").asText().equals(type)) {
                    return event;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + type + " arrived; got " + received);
    }

    @Test
    void aSubscriptionIsManagedAndItsSecretShownOnce() {
        String id = subscribe("[\"call.ended\",\"call.missed\"]");
        JsonNode read = api.get("/v1/webhooks/" + id, acme).json();
        assertFalse(read.has("secret"), "never shown again: " + read);
        assertEquals(List.of("call.ended", "call.missed"), JSON.convertValue(read.get("events"), List.class));
        assertEquals(1, api.get("/v1/webhooks", acme).json().get("items").size());
        assertEquals(404, api.get("/v1/webhooks/" + id, globex).status(), "another account's subscription does not exist for it");

        Api.Response patched = api.patch("/v1/webhooks/" + id, acme, "{\"events\":[\"voicemail.created\"],\"enabled\":false}");
        assertEquals(200, patched.status(), patched.body());
        assertFalse(patched.json().get("enabled").asBoolean());
        Api.Response rotated = api.post("/v1/webhooks/" + id + "/rotate-secret", acme, "{}");
        assertEquals(200, rotated.status(), rotated.body());
        assertNotEquals(secret, rotated.json().get("secret").asText());

        Api.Response unknown = api.post("/v1/webhooks", acme, "{\"url\":\"" + url() + "\",\"events\":[\"call.ended\",\"call.exploded\"]}");
        assertEquals(422, unknown.status());
        assertEquals("events[1]", unknown.json().get("field").asText());
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://[fd00:ec2::254]/",
                "http://100.64.0.1/", "http://224.0.0.1/", "ftp://example.com/", "http://user:pw@example.com/")) {
            Api.Response refused = api.post("/v1/webhooks", acme, "{\"url\":\"" + target + "\",\"events\":[\"call.ended\"]}");
            assertEquals(422, refused.status(), target + ": " + refused.body());
            assertEquals("url", refused.json().get("field").asText(), target);
        }
        assertEquals(204, api.delete("/v1/webhooks/" + id, acme).status());
        assertEquals(404, api.get("/v1/webhooks/" + id, acme).status());
        JsonNode audit = api.get("/v1/audit-events?resource_type=webhook", acme).json();
        assertTrue(audit.toString().contains("webhook.secret_rotated"), audit.toString());
        assertFalse(audit.toString().contains(rotated.json().get("secret").asText()), "the audit never holds a secret");
    }

    @Test
    void aPurchaseAVoicemailAndAMissedCallAreDeliveredSigned() {
        String id = subscribe("[\"number.state_changed\",\"voicemail.created\",\"call.started\",\"call.answered\","
                + "\"call.ended\",\"call.missed\"]");
        assertEquals(201, api.post("/v1/reservations", acme, "{\"numbers\":[\"" + NUMBER + "\"]}").status());
        assertEquals(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + NUMBER + "\"]}",
                Map.of("Idempotency-Key", "buy-1")).status());
        JsonNode bought = awaitEvent("number.state_changed");
        assertEquals(acmeId, bought.get("account_id").asText());
        assertEquals(NUMBER, bought.get("data").get("number").asText());
        assertEquals("number.purchased", bought.get("data").get("action").asText());

        Instant at = running.clock.instant();
        running.server.voicemails().accept(new NewVoicemail(acmeId, NUMBER, "+79161234567", "call-vm@10.0.0.1", at.minusSeconds(30),
                Duration.ofSeconds(7), new byte[16_044], List.of()));
        running.server.voicemails().flush();
        assertEquals("+79161234567", awaitEvent("voicemail.created").get("data").get("caller").asText());

        // the proxy's progress of a call, as it hands it over on the SIP event loop
        running.server.admin().callRecords().started(new CallProgress("answered-1@10.0.0.1", acmeId, CallRecord.Direction.INBOUND,
                NUMBER, "+79161234567", NUMBER, at.minusSeconds(60)));
        running.server.admin().callRecords().answered(new CallProgress("answered-1@10.0.0.1", acmeId, CallRecord.Direction.INBOUND,
                NUMBER, "+79161234567", NUMBER, at.minusSeconds(55)));
        running.server.admin().callRecords().offer(new CallRecord("missed-1@10.0.0.1", acmeId, CallRecord.Direction.INBOUND, NUMBER,
                "+79161234567", NUMBER, null, List.of(), CallRecord.Result.NO_ANSWER, 480, null, at.minusSeconds(20), null, at));
        running.server.admin().callRecords().flush();
        assertEquals("missed-1@10.0.0.1", awaitEvent("call.missed").get("data").get("call_id").asText());
        assertEquals("no_answer", awaitEvent("call.ended").get("data").get("result").asText());
        assertEquals("answered-1@10.0.0.1", awaitEvent("call.started").get("data").get("call_id").asText());
        assertEquals(at.minusSeconds(55).toString(), awaitEvent("call.answered").get("data").get("answered_at").asText());
        assertTrue(signed.stream().allMatch(Boolean::booleanValue), "every delivery carried a valid signature");

        JsonNode log = api.get("/v1/webhooks/" + id + "/deliveries", acme).json();
        assertEquals(6, log.get("items").size(), log.toString());
        long delivery = log.get("items").get(0).get("id").asLong();
        Api.Response again = api.post("/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver", acme, "{}");
        assertEquals(202, again.status(), again.body());
        assertEquals(404, api.post("/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver", globex, "{}").status());
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.size() < 7 && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertEquals(7, received.size(), received.toString());
    }
}
