package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.event.Event;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.domain.event.Webhook;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.domain.voicemail.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every EventStore and WebhookStore must do; each backend's test implements it. Subscriptions are scoped to
 * their account; the delivery queue is shared by nodes: one claim per due row, outcomes written under the claim,
 * busy subscriptions left out of a round, the log newest first, old events purged with their log.
 */
public interface EventStoreContract extends StoreContract {
    EventStore events();

    WebhookStore webhooks();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            webhooks().create(tx, new Webhook("wh-1", "acc-1", "https://crm.acme.example/vpbx", Set.of(EventType.CALL_ENDED,
                    EventType.CALL_MISSED), true, "sealed-1", T0, T0));
            webhooks().create(tx, new Webhook("wh-2", "acc-1", "https://other.acme.example/", Set.of(EventType.VOICEMAIL_CREATED),
                    false, "sealed-2", T0, T0));
            return null;
        });
    }

    private boolean holds(TxWork<Boolean> question) {
        return inTx(question);
    }

    private WebhookDelivery queue(String eventId, String webhookId, Instant at) {
        return inTx(tx -> {
            events().append(tx, new Event(eventId, "acc-1", EventType.CALL_ENDED, at, "{\"call_id\":\"" + eventId + "\"}", at));
            return events().enqueue(tx, WebhookDelivery.queued(webhookId, eventId, "acc-1", at));
        });
    }

    @Test
    default void subscriptionsBelongToTheirAccountAndKeepTheirEventTypes() {
        Webhook read = inTx(tx -> webhooks().find(tx, "acc-1", "wh-1")).orElseThrow();
        assertEquals(List.of(EventType.CALL_ENDED, EventType.CALL_MISSED), read.orderedEvents());
        assertEquals("sealed-1", read.sealedSecret());
        assertTrue(inTx(tx -> webhooks().find(tx, "acc-2", "wh-1")).isEmpty(), "another account's subscription is absent");
        assertEquals(List.of("wh-1"), inTx(tx -> webhooks().enabledOf(tx, "acc-1")).stream().map(Webhook::id).toList());
        assertEquals(2, inTx(tx -> webhooks().list(tx, "acc-1", null, 10)).size());
        assertFalse(holds(tx -> webhooks().delete(tx, "acc-2", "wh-1")));
        assertTrue(holds(tx -> webhooks().delete(tx, "acc-1", "wh-1")));
    }

    @Test
    default void onlyTheFirstClaimTakesADueDeliveryAndOnlyItWritesTheOutcome() {
        queue("ev-1", "wh-1", T0);
        WebhookDelivery candidate = inTx(tx -> events().due(tx, T0, List.of(), 10)).get(0);
        WebhookDelivery mine = inTx(tx -> events().claim(tx, candidate, T0, T0.plusSeconds(30)));
        WebhookDelivery theirs = inTx(tx -> events().claim(tx, candidate, T0, T0.plusSeconds(30)));
        assertNotNull(mine);
        assertNull(theirs);
        assertEquals(1, mine.attempts());
        assertTrue(inTx(tx -> events().due(tx, T0.plusSeconds(10), List.of(), 10)).isEmpty(), "leased");

        WebhookDelivery again = inTx(tx -> events().claim(tx, inTx(t -> events().due(t, T0.plusSeconds(30), List.of(), 10)).get(0),
                T0.plusSeconds(30), T0.plusSeconds(60))); // the lease ran out: another node takes it
        assertFalse(holds(tx -> events().markSent(tx, mine, 200, T0.plusSeconds(31))), "a stale claim writes nothing");
        assertTrue(holds(tx -> events().retryAt(tx, again, T0.plusSeconds(90), 503, "the receiver answered 503")));
        WebhookDelivery retried = inTx(tx -> events().delivery(tx, "wh-1", mine.id())).orElseThrow();
        assertEquals(DeliveryState.QUEUED, retried.state());
        assertEquals(503, retried.lastStatus());
        assertEquals(1L, (long) inTx(tx -> events().queued(tx)));
    }

    @Test
    default void aBusySubscriptionIsLeftOutOfARoundAndTheLogIsNewestFirst() {
        queue("ev-1", "wh-1", T0);
        queue("ev-2", "wh-1", T0.plusSeconds(1));
        assertTrue(inTx(tx -> events().due(tx, T0.plusSeconds(5), List.of("wh-1"), 10)).isEmpty());
        assertEquals(List.of("ev-1", "ev-2"), inTx(tx -> events().due(tx, T0.plusSeconds(5), List.of("wh-9"), 10)).stream()
                .map(WebhookDelivery::eventId).toList(), "oldest due first");
        List<WebhookDelivery> log = inTx(tx -> events().ofWebhook(tx, "wh-1", null, 10));
        assertEquals(List.of("ev-2", "ev-1"), log.stream().map(WebhookDelivery::eventId).toList());
        assertEquals(List.of("ev-1"), inTx(tx -> events().ofWebhook(tx, "wh-1", log.get(0).id(), 10)).stream()
                .map(WebhookDelivery::eventId).toList());
        assertEquals("{\"call_id\":\"ev-1\"}", inTx(tx -> events().find(tx, "ev-1")).orElseThrow().data());
    }

    @Test
    default void oldEventsWithNothingQueuedArePurgedWithTheirLog() {
        WebhookDelivery done = queue("ev-1", "wh-1", T0);
        queue("ev-2", "wh-1", T0);
        WebhookDelivery claim = inTx(tx -> events().claim(tx, done, T0, T0.plusSeconds(30)));
        assertTrue(holds(tx -> events().markSent(tx, claim, 204, T0.plusSeconds(1))));
        assertEquals(1, (int) inTx(tx -> events().purge(tx, T0.plusSeconds(3600), 100)), "ev-2 is still queued");
        assertTrue(inTx(tx -> events().find(tx, "ev-1")).isEmpty());
        assertEquals(List.of("ev-2"), inTx(tx -> events().ofWebhook(tx, "wh-1", null, 10)).stream().map(WebhookDelivery::eventId)
                .toList());
    }
}
