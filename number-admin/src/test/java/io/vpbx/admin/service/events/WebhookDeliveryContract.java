package io.vpbx.admin.service.events;

import static io.vpbx.admin.service.events.WebhookTestBed.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.domain.voicemail.DeliveryState;
import io.vpbx.admin.service.audit.Changes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery end to end on a database of each kind, against HTTP receivers on 127.0.0.1 that check signatures:
 * retries until accepted, order, a rolled-back change sends nothing, a worker that was not running (a crash) loses
 * nothing, private targets are refused when saved and again before sending, a slow receiver holds up no other
 * subscription, and a delivery can be sent again.
 */
abstract class WebhookDeliveryContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String kind;
    private WebhookTestBed bed;
    private final List<Receiver> receivers = new java.util.ArrayList<>();

    WebhookDeliveryContract(String kind) {
        this.kind = kind;
    }

    private WebhookTestBed bed(int concurrency) {
        bed = new WebhookTestBed(kind, concurrency);
        return bed;
    }

    private Receiver receiver(java.util.function.IntUnaryOperator answer, Duration delay) {
        Receiver receiver = new Receiver(answer, delay);
        receivers.add(receiver);
        return receiver;
    }

    @AfterEach
    void close() {
        if (bed != null) {
            bed.close();
        }
        receivers.forEach(Receiver::close);
    }

    private String subscribe(Receiver receiver, EventType... types) {
        WebhookService.WithSecret made = bed.webhooks.create(bed.acme, new WebhookService.Draft(receiver.url("/hooks/vpbx"),
                java.util.Arrays.stream(types).map(EventType::wireName).toList(), true, null));
        receiver.secret = made.secret();
        return made.webhook().id();
    }

    private void record(EventType type, String marker) {
        bed.db.database().inTransaction(tx -> {
            bed.outbox.record(tx, new NewEvent("acc-1", type, Instant.now(), JsonNodeFactory.instance.objectNode().put("marker", marker)));
            return null;
        });
    }

    @Test
    void aSignedDeliveryIsRetriedUntilTheReceiverAcceptsIt() throws Exception {
        bed(4);
        Receiver receiver = receiver(n -> n <= 2 ? 500 + n : 204, Duration.ZERO);
        String hook = subscribe(receiver, EventType.CALL_ENDED);
        bed.worker.start();
        record(EventType.CALL_ENDED, "first");

        assertTrue(eventually(Duration.ofSeconds(10), () -> bed.deliveries(hook).get(0).state() == DeliveryState.SENT),
                () -> bed.deliveries(hook).toString());
        WebhookDelivery delivery = bed.deliveries(hook).get(0);
        assertEquals(3, delivery.attempts());
        assertEquals(204, delivery.lastStatus());
        assertEquals(3, receiver.requests.size());
        assertTrue(receiver.requests.stream().allMatch(Receiver.Request::signatureValid), "every attempt is signed");
        assertEquals(List.of("1", "2", "3"), receiver.requests.stream().map(Receiver.Request::attempt).toList());
        assertEquals(1, receiver.requests.stream().map(Receiver.Request::eventId).distinct().count(), "one event, tried three times");
        assertTrue(receiver.requests.get(1).at().isAfter(receiver.requests.get(0).at().plusMillis(49)), "backoff between attempts");
        JsonNode body = JSON.readTree(receiver.requests.get(2).body());
        assertEquals(receiver.requests.get(2).eventId(), body.get("id").asText());
        assertEquals("call.ended", body.get("type").asText());
        assertEquals("acc-1", body.get("account_id").asText());
        assertTrue(Instant.parse(body.get("time").asText()).isBefore(Instant.now()));
        assertEquals("first", body.get("data").get("marker").asText());
        assertEquals("/hooks/vpbx", receiver.requests.get(0).path());
    }

    @Test
    void eventsReachAReceiverInTheOrderTheyHappened() throws Exception {
        bed(1);
        Receiver receiver = receiver(n -> 200, Duration.ZERO);
        subscribe(receiver, EventType.CALL_ENDED);
        for (int i = 0; i < 10; i++) {
            record(EventType.CALL_ENDED, "e" + i);
        }
        bed.worker.start();
        assertTrue(eventually(Duration.ofSeconds(10), () -> receiver.requests.size() == 10), () -> receiver.requests.size() + " arrived");
        List<String> markers = receiver.requests.stream().map(r -> marker(r)).toList();
        assertEquals(IntStream.range(0, 10).mapToObj(i -> "e" + i).toList(), markers);
    }

    @Test
    void aRolledBackChangeSendsNothingAndAnUnwantedEventIsNotKept() {
        bed(4);
        Receiver receiver = receiver(n -> 200, Duration.ZERO);
        String hook = subscribe(receiver, EventType.CALL_ENDED);
        assertThrows(IllegalStateException.class, () -> bed.db.database().inTransaction(tx -> {
            bed.outbox.record(tx, new NewEvent("acc-1", EventType.CALL_ENDED, Instant.now(), JsonNodeFactory.instance.objectNode()));
            throw new IllegalStateException("the change failed after its event was written");
        }));
        record(EventType.VOICEMAIL_CREATED, "nobody subscribed to this type");
        assertEquals(0, bed.eventCount());
        assertEquals(0, bed.worker.runOnce());
        assertTrue(bed.deliveries(hook).isEmpty());
        assertTrue(receiver.requests.isEmpty());
    }

    @Test
    void anEventCommittedWhileNoWorkerRanIsDeliveredByTheNextOne() {
        bed(4);
        Receiver receiver = receiver(n -> 200, Duration.ZERO);
        String hook = subscribe(receiver, EventType.CALL_MISSED);
        record(EventType.CALL_MISSED, "while down");
        bed.worker.close(); // the node that committed it is gone before sending
        bed.worker = bed.worker(WebhookTestBed.targets(WebhookTestBed.LOOPBACK), 4);
        bed.worker.start();
        assertTrue(eventually(Duration.ofSeconds(10), () -> bed.deliveries(hook).get(0).state() == DeliveryState.SENT));
        assertEquals("while down", marker(receiver.requests.get(0)));
    }

    @Test
    void anAuditedChangeOfANumberIsItsStateAndPermissionEvents() throws Exception {
        bed(4);
        Receiver receiver = receiver(n -> 200, Duration.ZERO);
        subscribe(receiver, EventType.NUMBER_STATE_CHANGED, EventType.NUMBER_PERMISSIONS_CHANGED);
        bed.db.database().inTransaction(tx -> {
            bed.auditor.record(tx, bed.acme, "acc-1", "number.blocked_unconfirmed", "number", "+74951230001",
                    new Changes().field("state", "active", "blocked_unconfirmed").list());
            return null;
        });
        bed.worker.start();
        assertTrue(eventually(Duration.ofSeconds(10), () -> receiver.requests.size() == 2));
        List<JsonNode> bodies = receiver.requests.stream().map(r -> json(r)).toList();
        assertEquals(java.util.Set.of("number.state_changed", "number.permissions_changed"),
                bodies.stream().map(b -> b.get("type").asText()).collect(java.util.stream.Collectors.toSet()));
        JsonNode data = bodies.get(0).get("data");
        assertEquals("+74951230001", data.get("number").asText());
        assertEquals("blocked_unconfirmed", data.get("changes").get("state").get("after").asText());
    }

    @Test
    void privateTargetsAreRefusedWhenSavedAndAgainBeforeSending() {
        bed(4);
        InvalidFieldException metadata = assertThrows(InvalidFieldException.class, () -> bed.webhooks.create(bed.acme,
                new WebhookService.Draft("http://169.254.169.254/latest/meta-data", List.of("call.ended"), true, null)));
        assertEquals("url", metadata.field());
        WebhookService strict = new WebhookService(bed.db.database(), bed.webhookStore, bed.eventStore, bed.secrets,
                WebhookTestBed.targets(List.of()), bed.auditor, bed.clock, 20, () -> { });
        Receiver receiver = receiver(n -> 200, Duration.ZERO);
        InvalidFieldException loopback = assertThrows(InvalidFieldException.class, () -> strict.create(bed.acme,
                new WebhookService.Draft(receiver.url("/"), List.of("call.ended"), true, null)));
        assertEquals("url", loopback.field());
        assertTrue(loopback.getMessage().contains("loopback"), loopback.getMessage());
        assertEquals("url", assertThrows(InvalidFieldException.class, () -> strict.create(bed.acme,
                new WebhookService.Draft("http://[::ffff:10.0.0.1]/", List.of("call.ended"), true, null))).field());

        // saved while the operator allowed loopback; the allowance is gone when the worker sends (or the name moved)
        String hook = subscribe(receiver, EventType.CALL_ENDED);
        bed.worker.close();
        bed.worker = bed.worker(WebhookTestBed.targets(List.of()), 4);
        record(EventType.CALL_ENDED, "must not leave");
        bed.worker.runOnce();
        assertTrue(eventually(Duration.ofSeconds(5), () -> bed.deliveries(hook).get(0).state() == DeliveryState.FAILED));
        assertTrue(bed.deliveries(hook).get(0).lastError().contains("loopback"), bed.deliveries(hook).get(0).lastError());
        assertTrue(receiver.requests.isEmpty());
    }

    @Test
    void aSlowReceiverHoldsUpNoOtherSubscription() {
        bed(2);
        Receiver slow = receiver(n -> 200, Duration.ofSeconds(3)); // beyond the 1 s timeout: every attempt times out
        Receiver fast = receiver(n -> 200, Duration.ZERO);
        String slowHook = subscribe(slow, EventType.CALL_ENDED);
        String fastHook = subscribe(fast, EventType.CALL_ENDED);
        for (int i = 0; i < 8; i++) {
            record(EventType.CALL_ENDED, "e" + i);
        }
        bed.worker.start();
        assertTrue(eventually(Duration.ofSeconds(3), () -> fast.requests.size() == 8), () -> fast.requests.size() + " fast arrived");
        assertTrue(slow.maxInFlight.get() <= 2, "at most webhooks.concurrency at once to one receiver: " + slow.maxInFlight.get());
        assertTrue(eventually(Duration.ofSeconds(5), () -> bed.deliveries(slowHook).stream().anyMatch(d -> d.lastError() != null
                && d.lastError().contains("no answer"))), () -> bed.deliveries(slowHook).toString());
        assertTrue(bed.deliveries(fastHook).stream().allMatch(d -> d.state() == DeliveryState.SENT));
    }

    @Test
    void aDeliveryIsSentAgainOnRequestAndARotatedSecretSignsFromThenOn() {
        bed(4);
        Receiver receiver = receiver(n -> 200, Duration.ZERO);
        String hook = subscribe(receiver, EventType.VOICEMAIL_CREATED);
        String first = receiver.secret;
        record(EventType.VOICEMAIL_CREATED, "once");
        bed.worker.start();
        assertTrue(eventually(Duration.ofSeconds(5), () -> receiver.requests.size() == 1));
        WebhookService.WithSecret rotated = bed.webhooks.rotateSecret(bed.acme, hook, null);
        assertNotEquals(first, rotated.secret());
        assertFalse(rotated.webhook().sealedSecret().contains(rotated.secret()), "kept sealed, never plain");
        receiver.secret = rotated.secret();
        long original = bed.deliveries(hook).get(0).id();
        WebhookDelivery again = bed.webhooks.redeliver(bed.acme, hook, original);
        assertNotEquals(original, again.id());
        assertTrue(eventually(Duration.ofSeconds(5), () -> receiver.requests.size() == 2));
        assertTrue(receiver.requests.get(1).signatureValid(), "signed with the new secret");
        assertEquals(receiver.requests.get(0).eventId(), receiver.requests.get(1).eventId());
        assertEquals(2, bed.deliveries(hook).size());
    }

    private static String marker(Receiver.Request request) {
        return json(request).get("data").get("marker").asText();
    }

    private static JsonNode json(Receiver.Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
