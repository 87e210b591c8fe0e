package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.domain.event.Webhook;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.events.WebhookService;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * /v1/webhooks: an account's subscriptions. POST answers 201 with the secret, the only time it is shown; PATCH is a
 * merge-patch of url, events and enabled; POST /{id}/rotate-secret issues a new secret (or takes one given); GET
 * /{id}/deliveries pages the delivery log newest first; POST /{id}/deliveries/{delivery}/redeliver queues the event again.
 */
final class WebhookRoutes implements Routes {
    private static final String PATH = "/v1/webhooks";
    private static final Set<String> ROTATE_FIELDS = Set.of("secret");

    private final WebhookService webhooks;
    private final Exchange exchange;
    private final Query query;

    WebhookRoutes(WebhookService webhooks, Exchange exchange, Query query) {
        this.webhooks = webhooks;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post(PATH).handler(Query.takesNone()).handler(this::create);
        router.get(PATH).handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get(PATH + "/:id").handler(Query.takesNone()).handler(this::get);
        router.patch(PATH + "/:id").handler(Query.takesNone()).handler(this::update);
        router.delete(PATH + "/:id").handler(Query.takesNone()).handler(this::delete);
        router.post(PATH + "/:id/rotate-secret").handler(Query.takesNone()).handler(this::rotate);
        router.get(PATH + "/:id/deliveries").handler(Query.takes("limit", "cursor")).handler(this::deliveries);
        router.post(PATH + "/:id/deliveries/:delivery/redeliver").handler(Query.takesNone()).handler(this::redeliver);
    }

    private void create(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> withSecret(webhooks.create(ctx, exchange.body(rc, WebhookService.Draft.class))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), webhooks.list(ctx, cursor == null ? null : cursor[0], limit),
                limit, this::view, webhook -> Query.encodeCursor(webhook.id())));
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(webhooks.get(ctx, rc.pathParam("id"))));
    }

    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            WebhookService.Draft values = exchange.mapper().treeToValue(body, WebhookService.Draft.class);
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            return view(webhooks.update(ctx, rc.pathParam("id"), new Patch<>(fields, values)));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            webhooks.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    private void rotate(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            String given = null;
            if (rc.body() != null && rc.body().length() > 0) {
                JsonNode body = exchange.bodyTree(rc);
                body.fieldNames().forEachRemaining(name -> {
                    if (!ROTATE_FIELDS.contains(name)) {
                        throw new InvalidFieldException(name, "unknown field");
                    }
                });
                JsonNode secret = body.get("secret");
                if (secret != null && !secret.isNull()) {
                    if (!secret.isTextual()) {
                        throw new InvalidFieldException("secret", "must be a string");
                    }
                    given = secret.asText();
                }
            }
            return withSecret(webhooks.rotateSecret(ctx, rc.pathParam("id"), given));
        });
    }

    private void deliveries(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        Long before = cursor == null ? null : deliveryId("cursor", cursor[0]);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), webhooks.deliveries(ctx, rc.pathParam("id"), before, limit),
                limit, this::view, delivery -> Query.encodeCursor(Long.toString(delivery.id()))));
    }

    private void redeliver(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String id = rc.pathParam("id");
        long delivery;
        try {
            delivery = Long.parseLong(rc.pathParam("delivery"));
        } catch (NumberFormatException e) {
            exchange.blocking(rc, 404, () -> {
                throw new NotFoundException("delivery " + rc.pathParam("delivery"));
            });
            return;
        }
        exchange.blocking(rc, 202, () -> view(webhooks.redeliver(ctx, id, delivery)));
    }

    private static long deliveryId(String field, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "is not a cursor returned by this API");
        }
    }

    private ObjectNode withSecret(WebhookService.WithSecret made) {
        return view(made.webhook()).put("secret", made.secret())
                .put("secret_note", "shown only now; sign checks use it (Vpbx-Signature), vpbx keeps it encrypted");
    }

    private ObjectNode view(Webhook webhook) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", webhook.id())
                .put("url", webhook.url());
        ArrayNode events = node.putArray("events");
        webhook.orderedEvents().stream().map(EventType::wireName).forEach(events::add);
        return node.put("enabled", webhook.enabled())
                .put("created_at", webhook.createdAt().toString())
                .put("updated_at", webhook.updatedAt().toString());
    }

    private ObjectNode view(WebhookDelivery d) {
        return exchange.mapper().createObjectNode()
                .put("id", d.id())
                .put("event_id", d.eventId())
                .put("state", d.state().wireName())
                .put("attempts", d.attempts())
                .put("last_status", d.lastStatus() == 0 ? null : d.lastStatus())
                .put("last_error", d.lastError())
                .put("next_attempt_at", d.state().wireName().equals("queued") ? d.nextAttemptAt().toString() : null)
                .put("created_at", d.createdAt().toString())
                .put("sent_at", text(d.sentAt()));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
