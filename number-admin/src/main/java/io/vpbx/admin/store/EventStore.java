package io.vpbx.admin.store;

import io.vpbx.admin.domain.event.Event;
import io.vpbx.admin.domain.event.WebhookDelivery;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The event outbox and its delivery queue. Several nodes may work one queue: a row is taken by {@link #claim}, and an
 * outcome is written only by the attempt that claimed it (as {@link MailQueueStore}).
 */
public interface EventStore {
    void append(Tx tx, Event event) throws SQLException;

    Optional<Event> find(Tx tx, String eventId) throws SQLException;

    /** Queues a delivery; returns it with its id. */
    WebhookDelivery enqueue(Tx tx, WebhookDelivery delivery) throws SQLException;

    /**
     * Queued rows due at {@code now}, oldest due first, at most {@code limit}, leaving out the subscriptions in
     * {@code busy} (those at their concurrency limit on this node): candidates for {@link #claim}.
     */
    List<WebhookDelivery> due(Tx tx, Instant now, List<String> busy, int limit) throws SQLException;

    /** Takes a due row for one attempt (counts it, moves its due time to {@code leaseUntil}); null when another node did. */
    WebhookDelivery claim(Tx tx, WebhookDelivery candidate, Instant now, Instant leaseUntil) throws SQLException;

    boolean markSent(Tx tx, WebhookDelivery claimed, int status, Instant at) throws SQLException;

    boolean retryAt(Tx tx, WebhookDelivery claimed, Instant next, int status, String error) throws SQLException;

    boolean markFailed(Tx tx, WebhookDelivery claimed, int status, String error) throws SQLException;

    Optional<WebhookDelivery> delivery(Tx tx, String webhookId, long deliveryId) throws SQLException;

    /** A subscription's deliveries, newest first, before {@code beforeId} (null: from the newest), at most {@code limit}. */
    List<WebhookDelivery> ofWebhook(Tx tx, String webhookId, Long beforeId, int limit) throws SQLException;

    /** Rows still queued. */
    long queued(Tx tx) throws SQLException;

    /** Deletes events created before {@code cutoff} with nothing queued for them (their deliveries go too); returns how many. */
    int purge(Tx tx, Instant cutoff, int limit) throws SQLException;
}
