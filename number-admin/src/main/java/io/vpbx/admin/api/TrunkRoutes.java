package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.trunk.Trunk;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.TrunkService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** /v1/trunks: the operator's carrier trunks, each known to the SIP core by its source addresses. */
final class TrunkRoutes implements Routes {
    private final TrunkService trunks;
    private final Exchange exchange;
    private final Query query;

    TrunkRoutes(TrunkService trunks, Exchange exchange, Query query) {
        this.trunks = trunks;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/trunks").handler(Query.takesNone()).handler(this::create);
        router.get("/v1/trunks").handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get("/v1/trunks/:id").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/trunks/:id").handler(Query.takesNone()).handler(this::update);
        router.delete("/v1/trunks/:id").handler(Query.takesNone()).handler(this::delete);
    }

    private void create(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view(trunks.create(ctx, exchange.body(rc, TrunkService.Draft.class))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> {
            List<Trunk> page = trunks.list(ctx, cursor == null ? null : cursor[0], limit);
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(trunk -> items.add(view(trunk)));
            body.put("next_cursor", page.size() == limit ? Query.encodeCursor(page.get(page.size() - 1).id()) : null);
            return body;
        });
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(trunks.get(ctx, rc.pathParam("id"))));
    }

    /** JSON merge-patch: the fields present change (account_id or outbound_uri null clears); source_addresses replace the list. */
    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            TrunkService.Draft values = exchange.mapper().treeToValue(body, TrunkService.Draft.class);
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            return view(trunks.update(ctx, rc.pathParam("id"), new Patch<>(fields, values)));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            trunks.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    private ObjectNode view(Trunk trunk) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", trunk.id())
                .put("name", trunk.name());
        ArrayNode addresses = node.putArray("source_addresses");
        trunk.sourceAddresses().forEach(address -> addresses.add(address.value()));
        return node.put("account_id", trunk.accountId())
                .put("outbound_uri", trunk.outboundUri())
                .put("enabled", trunk.enabled())
                .put("created_at", trunk.createdAt().toString())
                .put("updated_at", trunk.updatedAt().toString());
    }
}
