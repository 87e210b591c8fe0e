package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.service.catalog.ReservationService;
import java.util.List;

/** /v1/reservations: hold numbers for a while before buying them. */
final class ReservationRoutes implements Routes {
    record ReserveRequest(List<String> numbers) {
    }

    private final ReservationService reservations;
    private final NumberViews views;
    private final Exchange exchange;

    ReservationRoutes(ReservationService reservations, NumberViews views, Exchange exchange) {
        this.reservations = reservations;
        this.views = views;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/reservations").handler(Query.takesNone()).handler(this::reserve);
        router.get("/v1/reservations/:id").handler(Query.takesNone()).handler(this::get);
        router.delete("/v1/reservations/:id").handler(Query.takesNone()).handler(this::release);
    }

    private void reserve(RoutingContext rc) {
        exchange.blocking(rc, 201, () -> view(reservations.reserve(exchange.context(rc),
                exchange.body(rc, ReserveRequest.class).numbers())));
    }

    private void get(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> view(reservations.get(exchange.context(rc), rc.pathParam("id"))));
    }

    private void release(RoutingContext rc) {
        exchange.blocking(rc, 204, () -> {
            reservations.release(exchange.context(rc), rc.pathParam("id"));
            return null;
        });
    }

    private ObjectNode view(ReservationService.ReservationView view) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", view.reservation().id())
                .put("status", view.status().wireName())
                .put("created_at", view.reservation().createdAt().toString())
                .put("expires_at", view.reservation().expiresAt().toString());
        var numbers = node.putArray("numbers");
        view.numbers().forEach(record -> numbers.add(views.owned(record)));
        return node;
    }
}
