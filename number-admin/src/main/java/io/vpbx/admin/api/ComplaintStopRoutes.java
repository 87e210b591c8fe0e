package io.vpbx.admin.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.compliance.ComplaintStops;

/**
 * /v1/numbers/{number}/complaint-stop: the operator stops a number on a complaint and lifts the stop
 * ({@code .../lift}); accounts are refused (403) and read the stop on the number itself.
 */
final class ComplaintStopRoutes implements Routes {
    private final ComplaintStops stops;
    private final NumberViews views;
    private final NumberInputs inputs;
    private final Exchange exchange;

    ComplaintStopRoutes(ComplaintStops stops, NumberViews views, NumberInputs inputs, Exchange exchange) {
        this.stops = stops;
        this.views = views;
        this.inputs = inputs;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/numbers/:number/complaint-stop").handler(Query.takesNone()).handler(this::stop);
        router.post("/v1/numbers/:number/complaint-stop/lift").handler(Query.takesNone()).handler(this::lift);
    }

    private void stop(RoutingContext rc) {
        exchange.context(rc).requireOperator();
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> views.owned(stops.stop(exchange.context(rc), e164,
                exchange.body(rc, ComplaintStops.StopRequest.class))));
    }

    private void lift(RoutingContext rc) {
        exchange.context(rc).requireOperator();
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> views.owned(stops.lift(exchange.context(rc), e164,
                exchange.body(rc, ComplaintStops.LiftRequest.class))));
    }
}
