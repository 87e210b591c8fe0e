package io.vpbx.admin.service.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.event.EventType;
import java.time.Instant;
import java.util.Objects;

/** An event about to be recorded: whose, what, when, and the resource as JSON. */
public record NewEvent(String accountId, EventType type, Instant occurredAt, ObjectNode data) {
    public NewEvent {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }
}
