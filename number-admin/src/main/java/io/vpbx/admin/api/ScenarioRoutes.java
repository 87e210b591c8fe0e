package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.scenario.StoredScenario;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.scenarios.ScenarioService;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * /v1/scenarios: an account's IVR call flows. POST creates version 1 (201), GET lists the current versions by id,
 * GET /:id reads the current version ({@code ?version=N} an earlier one), PUT /:id replaces the whole definition
 * as the next version (what a read adds beside the definition is ignored), DELETE /:id answers 204 (409 while in use). A scenario reads as its definition
 * ({@code name}, {@code start}, {@code steps}) with {@code id}, {@code version} and when it was created and saved.
 */
final class ScenarioRoutes implements Routes {
    static final String PATH = "/v1/scenarios";
    private static final List<String> READ_ONLY = List.of("id", "version", "created_at", "updated_at");

    private final ScenarioService scenarios;
    private final Exchange exchange;
    private final Query query;

    ScenarioRoutes(ScenarioService scenarios, Exchange exchange, Query query) {
        this.scenarios = scenarios;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post(PATH).handler(Query.takesNone()).handler(this::create);
        router.get(PATH).handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get(PATH + "/:id").handler(Query.takes("version")).handler(this::get);
        router.put(PATH + "/:id").handler(Query.takesNone()).handler(this::replace);
        router.delete(PATH + "/:id").handler(Query.takesNone()).handler(this::delete);
    }

    private void create(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view(scenarios.create(ctx, exchange.bodyTree(rc))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), scenarios.list(ctx, cursor == null ? null : cursor[0], limit),
                limit, this::view, scenario -> Query.encodeCursor(scenario.id())));
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        Integer version = version(query.text(rc, "version"));
        exchange.blocking(rc, 200, () -> view(scenarios.get(ctx, rc.pathParam("id"), version)));
    }

    /** The fields a read adds beside the definition are dropped, so that a scenario read can be edited and sent back. */
    private void replace(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            ObjectNode body = exchange.bodyTree(rc);
            body.remove(READ_ONLY);
            return view(scenarios.replace(ctx, rc.pathParam("id"), body));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            scenarios.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    private static Integer version(String value) {
        if (value == null) {
            return null;
        }
        try {
            int version = Integer.parseInt(value);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("version", "must be a version number 1, 2, ...; got '" + value + "'");
    }

    private ObjectNode view(StoredScenario scenario) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", scenario.id())
                .put("version", scenario.version());
        JsonNode definition = scenarios.parse(scenario);
        for (Iterator<Map.Entry<String, JsonNode>> it = definition.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            node.set(field.getKey(), field.getValue());
        }
        return node.put("created_at", scenario.createdAt().toString())
                .put("updated_at", scenario.savedAt().toString());
    }
}
