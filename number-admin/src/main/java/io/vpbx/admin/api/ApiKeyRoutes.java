package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.account.StoredApiKey;
import io.vpbx.admin.service.accounts.ApiKeyService;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * /v1/api-keys: an account's keys (the operator's own, or with {@code account_id} any account's). A secret is
 * in the answer that issues it and nowhere else; listings show a prefix, the name and the key's times.
 */
final class ApiKeyRoutes implements Routes {
    private static final Set<String> ISSUE_FIELDS = Set.of("name", "expires_at", "account_id");
    private static final Set<String> ROTATE_FIELDS = Set.of("overlap_seconds");

    private final ApiKeyService keys;
    private final Exchange exchange;

    ApiKeyRoutes(ApiKeyService keys, Exchange exchange) {
        this.keys = keys;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/api-keys").handler(Query.takes("account_id")).handler(this::list);
        router.post("/v1/api-keys").handler(Query.takesNone()).handler(this::issue);
        router.get("/v1/api-keys/:id").handler(Query.takesNone()).handler(this::get);
        router.delete("/v1/api-keys/:id").handler(Query.takesNone()).handler(this::revoke);
        router.post("/v1/api-keys/:id/rotate").handler(Query.takesNone()).handler(this::rotate);
    }

    private void list(RoutingContext rc) {
        String accountId = rc.queryParams().get("account_id");
        exchange.blocking(rc, 200, () -> PageBody.items(exchange.mapper(), keys.list(exchange.context(rc), accountId), this::view));
    }

    private void get(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> view(keys.get(exchange.context(rc), rc.pathParam("id"))));
    }

    private void issue(RoutingContext rc) {
        exchange.blocking(rc, 201, () -> {
            JsonNode body = fields(exchange.bodyTree(rc), ISSUE_FIELDS);
            ApiKeyService.IssuedKey issued = keys.issue(exchange.context(rc), text(body, "account_id", false),
                    text(body, "name", true), instant(body, "expires_at"));
            return withSecret(issued);
        });
    }

    private void revoke(RoutingContext rc) {
        exchange.blocking(rc, 204, () -> {
            keys.revoke(exchange.context(rc), rc.pathParam("id"));
            return null;
        });
    }

    private void rotate(RoutingContext rc) {
        exchange.blocking(rc, 201, () -> {
            Duration overlap = null;
            if (rc.body() != null && rc.body().length() > 0) {
                JsonNode overlapNode = fields(exchange.bodyTree(rc), ROTATE_FIELDS).get("overlap_seconds");
                if (overlapNode != null && !overlapNode.isNull()) {
                    if (!overlapNode.isIntegralNumber() || !overlapNode.canConvertToLong()) {
                        throw new InvalidFieldException("overlap_seconds", "must be a whole number of seconds");
                    }
                    overlap = Duration.ofSeconds(overlapNode.asLong());
                }
            }
            ApiKeyService.Rotation rotation = keys.rotate(exchange.context(rc), rc.pathParam("id"), overlap);
            ObjectNode body = withSecret(rotation.issued());
            body.set("previous", view(rotation.previous()));
            return body;
        });
    }

    private ObjectNode withSecret(ApiKeyService.IssuedKey issued) {
        return view(issued.key()).put("secret", issued.secret()).put("secret_note", "shown only now; vpbx keeps only its hash");
    }

    private ObjectNode view(StoredApiKey key) {
        return exchange.mapper().createObjectNode()
                .put("id", key.id())
                .put("account_id", key.accountId())
                .put("name", key.name())
                .put("prefix", key.prefix())
                .put("created_at", text(key.createdAt()))
                .put("expires_at", text(key.expiresAt()))
                .put("last_used_at", text(key.lastUsedAt()))
                .put("revoked_at", text(key.revokedAt()));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static JsonNode fields(JsonNode body, Set<String> known) {
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new InvalidFieldException(name, "unknown field");
            }
        });
        return body;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidFieldException(field, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidFieldException(field, "must be a string");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode body, String field) {
        String value = text(body, field, false);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an instant such as 2027-01-31T00:00:00Z");
        }
    }
}
