package io.vpbx.admin.domain.event;

import io.vpbx.admin.domain.voicemail.DeliveryState;
import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one subscription.
 *
 * @param attempts   attempts made so far (a claim counts one)
 * @param lastStatus the HTTP status of the last answer, 0 when there was none (timeout, connection error)
 */
public record WebhookDelivery(long id, String webhookId, String eventId, String accountId, DeliveryState state, int attempts,
                              Instant nextAttemptAt, int lastStatus, String lastError, Instant createdAt, Instant sentAt) {
    public WebhookDelivery {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A delivery waiting for its first attempt at {@code now}. */
    public static WebhookDelivery queued(String webhookId, String eventId, String accountId, Instant now) {
        return new WebhookDelivery(0, webhookId, eventId, accountId, DeliveryState.QUEUED, 0, now, 0, null, now, null);
    }
}
