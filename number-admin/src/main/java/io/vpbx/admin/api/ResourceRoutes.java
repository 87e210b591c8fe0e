package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.ResourceService;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The five routes every resource kept by id has, under one path: POST creates (201), GET lists a page by id with a
 * cursor, GET /:id reads, PATCH /:id is a JSON merge-patch (the fields present change; unknown ones are refused by
 * the draft's mapping), DELETE /:id answers 204. A resource's routes class mounts these and adds what is its own.
 */
final class ResourceRoutes<T, D> implements Routes {
    private final String path;
    private final ResourceService<T, D> service;
    private final Class<D> draftType;
    private final Function<T, String> idOf;
    private final Function<T, ObjectNode> view;
    /** How an item of a list is shown: the view, or less of it where a list does not need personal data. */
    private final Function<T, ObjectNode> listView;
    private final Exchange exchange;
    private final Query query;

    ResourceRoutes(String path, ResourceService<T, D> service, Class<D> draftType, Function<T, String> idOf,
                   Function<T, ObjectNode> view, Exchange exchange, Query query) {
        this(path, service, draftType, idOf, view, view, exchange, query);
    }

    ResourceRoutes(String path, ResourceService<T, D> service, Class<D> draftType, Function<T, String> idOf,
                   Function<T, ObjectNode> view, Function<T, ObjectNode> listView, Exchange exchange, Query query) {
        this.listView = listView;
        this.path = path;
        this.service = service;
        this.draftType = draftType;
        this.idOf = idOf;
        this.view = view;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post(path).handler(Query.takesNone()).handler(this::create);
        router.get(path).handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get(path + "/:id").handler(Query.takesNone()).handler(this::get);
        router.patch(path + "/:id").handler(Query.takesNone()).handler(this::update);
        router.delete(path + "/:id").handler(Query.takesNone()).handler(this::delete);
    }

    private void create(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view.apply(service.create(ctx, exchange.body(rc, draftType))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), service.list(ctx, cursor == null ? null : cursor[0], limit),
                limit, listView, resource -> Query.encodeCursor(idOf.apply(resource))));
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view.apply(service.get(ctx, rc.pathParam("id"))));
    }

    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            D values = exchange.mapper().treeToValue(body, draftType);
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            return view.apply(service.update(ctx, rc.pathParam("id"), new Patch<>(fields, values)));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            service.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }
}
