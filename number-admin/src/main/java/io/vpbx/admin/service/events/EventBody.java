package io.vpbx.admin.service.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.event.Event;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.domain.event.WebhookSignature;
import java.time.Instant;
import java.util.Map;

/** What a delivery POSTs: {@code {"id","type","time","account_id","data"}} and its signature header. */
public final class EventBody {
    private final ObjectMapper mapper;

    public EventBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] json(Event event) {
        try {
            ObjectNode body = mapper.createObjectNode()
                    .put("id", event.id())
                    .put("type", event.type().wireName())
                    .put("time", event.occurredAt().toString())
                    .put("account_id", event.accountId());
            body.set("data", mapper.readTree(event.data()));
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " holds data that is not JSON", e);
        }
    }

    /** The body, signed at {@code at} with {@code secret}. */
    public Signed signed(Event event, String secret, Instant at) {
        byte[] bytes = json(event);
        return new Signed(bytes, WebhookSignature.header(secret, at, bytes), event);
    }

    /** A body with its signature. */
    public record Signed(byte[] bytes, String signature, Event event) {
        /** The headers of one attempt: the signature, the event's id and type, the delivery's id and attempt. */
        public Map<String, String> headers(WebhookDelivery claim) {
            return Map.of("Content-Type", "application/json",
                    WebhookSignature.HEADER, signature,
                    "Vpbx-Event-Id", event.id(),
                    "Vpbx-Event-Type", event.type().wireName(),
                    "Vpbx-Delivery-Id", Long.toString(claim.id()),
                    "Vpbx-Delivery-Attempt", Integer.toString(claim.attempts()),
                    "User-Agent", "vpbx-webhooks/1");
        }
    }
}
