package io.vpbx.admin.service.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.event.Event;
import io.vpbx.admin.domain.event.Webhook;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.store.EventStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.WebhookStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records events inside the transaction of what caused them: the event row and one queued delivery per enabled
 * subscription of the account that wants its type. Committed together with the change, or rolled back with it; an
 * event no subscription wants is not stored at all. After the commit the delivery worker is nudged.
 */
public final class EventOutbox implements EventSink {
    private final WebhookStore webhooks;
    private final EventStore events;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Runnable nudge;

    /** {@code nudge}: told after a commit that queued deliveries (wakes the worker rather than waiting for its poll). */
    public EventOutbox(WebhookStore webhooks, EventStore events, ObjectMapper mapper, Clock clock, Runnable nudge) {
        this.webhooks = webhooks;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
        this.nudge = nudge;
    }

    public void record(Tx tx, NewEvent event) throws SQLException {
        record(tx, List.of(event));
    }

    /** Records a batch (a batch of call records), looking each account's subscriptions up once. */
    @Override
    public void record(Tx tx, List<NewEvent> batch) throws SQLException {
        Map<String, List<Webhook>> subscriptions = new HashMap<>();
        Instant now = StoredTime.now(clock);
        boolean queued = false;
        for (NewEvent candidate : batch) {
            List<Webhook> of = subscriptions.get(candidate.accountId());
            if (of == null) {
                of = webhooks.enabledOf(tx, candidate.accountId());
                subscriptions.put(candidate.accountId(), of);
            }
            List<Webhook> wanting = of.stream().filter(w -> w.wants(candidate.type())).toList();
            if (wanting.isEmpty()) {
                continue;
            }
            Event event = new Event(UUID.randomUUID().toString(), candidate.accountId(), candidate.type(),
                    candidate.occurredAt().truncatedTo(ChronoUnit.MICROS), text(candidate), now);
            events.append(tx, event);
            for (Webhook webhook : wanting) {
                events.enqueue(tx, WebhookDelivery.queued(webhook.id(), event.id(), event.accountId(), now));
            }
            queued = true;
        }
        if (queued) {
            tx.afterCommit(nudge);
        }
    }

    private String text(NewEvent event) {
        try {
            return mapper.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's data is a JSON tree and always writes", e);
        }
    }
}
