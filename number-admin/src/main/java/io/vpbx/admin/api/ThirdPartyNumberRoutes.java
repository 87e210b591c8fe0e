package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.thirdparty.RegistrationHistoryEntry;
import io.vpbx.admin.domain.thirdparty.RegistrationStatus;
import io.vpbx.admin.domain.thirdparty.ThirdPartyNumber;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.thirdparty.ThirdPartyNumberService;
import io.vpbx.telephony.uplink.RegistrationState;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * /v1/third-party-numbers: numbers held at another operator, connected so that vpbx registers there. The
 * password goes in and never comes out; each view carries the registration's health, a single one its history.
 */
final class ThirdPartyNumberRoutes implements Routes {
    private final ThirdPartyNumberService lines;
    private final NumberInputs inputs;
    private final Exchange exchange;
    private final Query query;

    ThirdPartyNumberRoutes(ThirdPartyNumberService lines, NumberInputs inputs, Exchange exchange, Query query) {
        this.lines = lines;
        this.inputs = inputs;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/third-party-numbers").handler(Query.takesNone()).handler(this::connect);
        router.get("/v1/third-party-numbers").handler(Query.takes("account_id", "limit", "cursor")).handler(this::list);
        router.get("/v1/third-party-numbers/:number").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/third-party-numbers/:number").handler(Query.takesNone()).handler(this::update);
        router.delete("/v1/third-party-numbers/:number").handler(Query.takesNone()).handler(this::disconnect);
    }

    private void connect(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view(lines.connect(ctx, exchange.body(rc, ThirdPartyNumberService.Draft.class))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        String accountId = query.text(rc, "account_id");
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), lines.list(ctx, accountId, cursor == null ? null : cursor[0],
                limit), limit, this::view, line -> Query.encodeCursor(line.number().e164())));
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> {
            ThirdPartyNumberService.Connected line = lines.get(ctx, e164);
            ObjectNode node = view(line);
            ArrayNode history = node.putArray("history");
            line.history().forEach(entry -> history.add(entry(entry)));
            return node;
        });
    }

    /** JSON merge-patch of password, server, port, transport, expires, comment, enabled; null resets to the default (clears a comment). */
    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (!ThirdPartyNumberService.Patch.FIELDS.contains(field)) {
                    throw new InvalidFieldException(field, "cannot be changed here (only "
                            + ThirdPartyNumberService.Patch.FIELDS.stream().sorted().toList() + "); to change "
                            + "the number or login, disconnect and connect again");
                }
            }
            ThirdPartyNumberService.Draft values = exchange.mapper().treeToValue(body, ThirdPartyNumberService.Draft.class);
            return view(lines.update(ctx, e164, new ThirdPartyNumberService.Patch(fields, values)));
        });
    }

    private void disconnect(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 204, () -> {
            lines.disconnect(ctx, e164);
            return null;
        });
    }

    /** The line without its password, and its registration (pending until the SIP side reports). */
    private ObjectNode view(ThirdPartyNumberService.Connected connected) {
        ThirdPartyNumber line = connected.number();
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("number", line.e164())
                .put("account_id", line.accountId())
                .put("login", line.login())
                .put("server", line.server())
                .put("port", line.port())
                .put("transport", line.transport().wireName())
                .put("expires", line.expiresSeconds())
                .put("comment", line.comment())
                .put("enabled", line.enabled())
                .put("created_at", line.createdAt().toString())
                .put("updated_at", line.updatedAt().toString());
        RegistrationStatus status = connected.status();
        ObjectNode registration = node.putObject("registration")
                .put("state", status == null ? RegistrationState.PENDING.wireName() : status.state().wireName());
        putInstant(registration, "registered_until", status == null ? null : status.registeredUntil());
        registration.put("last_code", status == null ? null : status.lastCode())
                .put("last_reason", status == null ? null : status.lastReason());
        putInstant(registration, "next_attempt_at", status == null ? null : status.nextAttemptAt());
        putInstant(registration, "updated_at", status == null ? null : status.updatedAt());
        return node;
    }

    private ObjectNode entry(RegistrationHistoryEntry entry) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("at", entry.at().toString())
                .put("state", entry.state().wireName())
                .put("code", entry.code())
                .put("reason", entry.reason());
        putInstant(node, "next_attempt_at", entry.nextAttemptAt());
        return node.put("node", entry.node());
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        node.put(field, value == null ? null : value.toString());
    }
}
