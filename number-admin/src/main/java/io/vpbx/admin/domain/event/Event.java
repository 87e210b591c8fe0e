package io.vpbx.admin.domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to an account's resources, as the outbox keeps it.
 *
 * @param data the resource (a call record, a number's change) as a JSON object's text
 */
public record Event(String id, String accountId, EventType type, Instant occurredAt, String data, Instant createdAt) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
