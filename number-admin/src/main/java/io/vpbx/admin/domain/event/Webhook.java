package io.vpbx.admin.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An account's subscription: events of {@code events} are POSTed to {@code url}, signed with the secret kept sealed in
 * {@code sealedSecret}.
 */
public record Webhook(String id, String accountId, String url, Set<EventType> events, boolean enabled, String sealedSecret,
                      Instant createdAt, Instant updatedAt) {
    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        events = Set.copyOf(events);
    }

    public boolean wants(EventType type) {
        return enabled && events.contains(type);
    }

    /** The event types in declaration order: how they are stored and shown. */
    public List<EventType> orderedEvents() {
        return java.util.Arrays.stream(EventType.values()).filter(events::contains).toList();
    }

    public Webhook withSecret(String sealed, Instant at) {
        return new Webhook(id, accountId, url, events, enabled, sealed, createdAt, at);
    }
}
