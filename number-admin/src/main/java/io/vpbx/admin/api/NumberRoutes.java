package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.OwnedNumbersQuery;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.service.numbers.BulkChangeService;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.numbers.NumberService;
import io.vpbx.admin.service.catalog.PurchaseService;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.numbers.SettingsPatch;
import io.vpbx.admin.service.Wire;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** /v1/numbers: buying, reading, configuring (one or in bulk) and disconnecting an account's numbers. */
final class NumberRoutes implements Routes {
    record BulkSelection(List<String> numbers, JsonNode filter, JsonNode set) {
    }

    private static final Set<String> PATCH_FIELDS = Set.of("comment", "forwarding", "fallback");
    private static final Set<String> FILTER_FIELDS = Set.of("state", "type", "category", "contains", "forwarding", "comment");

    private final PurchaseService purchases;
    private final NumberService numbers;
    private final BulkChangeService bulk;
    private final NumberInputs inputs;
    private final ForwardingCodec codec;
    private final NumberViews views;
    private final Exchange exchange;
    private final Query query;

    NumberRoutes(PurchaseService purchases, NumberService numbers, BulkChangeService bulk, NumberInputs inputs,
                 ForwardingCodec codec, NumberViews views, Exchange exchange, Query query) {
        this.purchases = purchases;
        this.numbers = numbers;
        this.bulk = bulk;
        this.inputs = inputs;
        this.codec = codec;
        this.views = views;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/numbers/bulk").handler(Query.takes("dry_run")).handler(this::bulk);
        router.post("/v1/numbers").handler(Query.takesNone()).handler(this::purchase);
        router.get("/v1/numbers").handler(Query.takes("state", "type", "category", "contains", "forwarding", "comment",
                "limit", "cursor")).handler(this::list);
        router.get("/v1/numbers/:number").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/numbers/:number").handler(Query.takesNone()).handler(this::update);
        router.delete("/v1/numbers/:number").handler(Query.takesNone()).handler(this::disconnect);
    }

    private void purchase(RoutingContext rc) {
        String key = rc.request().getHeader("Idempotency-Key");
        exchange.offLoop(() -> purchases.purchase(exchange.context(rc), key,
                        exchange.body(rc, PurchaseService.PurchaseRequest.class), this::render))
                .onSuccess(answer -> {
                    if (answer.replayed()) {
                        rc.response().putHeader("Idempotent-Replayed", "true");
                    }
                    exchange.json(rc, answer.status(), answer.body());
                })
                .onFailure(rc::fail);
    }

    private String render(List<NumberRecord> bought) {
        ObjectNode body = exchange.mapper().createObjectNode();
        ArrayNode items = body.putArray("numbers");
        bought.forEach(record -> items.add(views.owned(record)));
        return body.toString();
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        OwnedNumbersQuery owned = ownedQuery(ctx.accountId(), rc, cursor == null ? null : cursor[0], limit);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), numbers.list(ctx, owned), limit, views::owned,
                record -> Query.encodeCursor(record.e164())));
    }

    private void get(RoutingContext rc) {
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> views.owned(numbers.get(exchange.context(rc), e164)));
    }

    private void update(RoutingContext rc) {
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> views.owned(numbers.update(exchange.context(rc), e164, patch("", exchange.bodyTree(rc)))));
    }

    private void disconnect(RoutingContext rc) {
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> views.owned(numbers.disconnect(exchange.context(rc), e164)));
    }

    private void bulk(RoutingContext rc) {
        boolean dryRun = query.flag(rc, "dry_run");
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            BulkSelection selection = exchange.body(rc, BulkSelection.class);
            if (selection.set() == null || !selection.set().isObject()) {
                throw new InvalidFieldException("set", "must be an object with forwarding, fallback and/or comment");
            }
            SettingsPatch patch = patch("set.", selection.set());
            OwnedNumbersQuery filter = selection.filter() == null ? null : filter(ctx.accountId(), selection.filter());
            BulkChangeService.Outcome outcome = bulk.apply(ctx, new BulkChangeService.Selection(selection.numbers(), filter),
                    patch, dryRun);
            ObjectNode body = exchange.mapper().createObjectNode()
                    .put("dry_run", outcome.dryRun())
                    .put("matched", outcome.matched())
                    .put("changed", outcome.changed());
            ArrayNode diffs = body.putArray("diff");
            for (BulkChangeService.NumberDiff diff : outcome.diffs()) {
                AuditRoutes.putChanges(diffs.addObject().put("number", diff.number()), diff.changes());
            }
            return body;
        });
    }

    /** Reads merge-patch settings; {@code prefix} places field names under their parent in errors. */
    private SettingsPatch patch(String prefix, JsonNode node) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PATCH_FIELDS.contains(name)) {
                throw new InvalidFieldException(prefix + name, "is not a setting of a number (comment, forwarding, fallback)");
            }
        }
        if (node.isEmpty()) {
            throw new InvalidFieldException(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "must set at least one of comment, forwarding, fallback");
        }
        JsonNode comment = node.get("comment");
        if (comment != null && !comment.isNull() && (!comment.isTextual() || comment.textValue().length() > SettingsPatch.MAX_COMMENT_LENGTH)) {
            throw new InvalidFieldException(prefix + "comment", "must be text of at most " + SettingsPatch.MAX_COMMENT_LENGTH + " characters");
        }
        JsonNode forwarding = node.get("forwarding");
        JsonNode fallback = node.get("fallback");
        return new SettingsPatch(
                node.has("comment"), comment == null || comment.isNull() ? null : FreeText.clean(prefix + "comment", comment.textValue()),
                node.has("forwarding"), forwarding == null || forwarding.isNull() ? null : codec.readForwarding(prefix + "forwarding", forwarding),
                node.has("fallback"), fallback == null || fallback.isNull() ? null : codec.readFallback(prefix + "fallback", fallback));
    }

    private OwnedNumbersQuery ownedQuery(String accountId, RoutingContext rc, String after, int limit) {
        return new OwnedNumbersQuery(accountId, state("state", query.text(rc, "state")),
                typeOrNull("type", query.text(rc, "type")), categoryOrNull("category", query.text(rc, "category")),
                Wire.digits("contains", query.text(rc, "contains")), query.text(rc, "forwarding"),
                query.text(rc, "comment"), after, limit);
    }

    private OwnedNumbersQuery filter(String accountId, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidFieldException("filter", "must be an object");
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!FILTER_FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidFieldException("filter." + unknown.get(0), "is not a filter (" + FILTER_FIELDS + ")");
        }
        return new OwnedNumbersQuery(accountId, state("filter.state", text(node, "state")),
                typeOrNull("filter.type", text(node, "type")), categoryOrNull("filter.category", text(node, "category")),
                Wire.digits("filter.contains", text(node, "contains")), text(node, "forwarding"), text(node, "comment"),
                null, BulkChangeService.MAX_NUMBERS + 1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new InvalidFieldException("filter." + field, "must be text");
        }
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static NumberState state(String field, String value) {
        try {
            return value == null ? null : NumberState.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of pending_compliance, active, disconnected; got '" + value + "'");
        }
    }

    private static io.vpbx.admin.domain.number.NumberType typeOrNull(String field, String value) {
        return value == null ? null : Wire.numberType(field, value);
    }

    private static io.vpbx.admin.domain.category.NumberCategory categoryOrNull(String field, String value) {
        return value == null ? null : Wire.category(field, value);
    }
}
