package io.vpbx.admin.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Times every request by method, route template (not the raw path: bounded cardinality) and status. */
final class HttpMetricsHandler implements Handler<RoutingContext> {
    private final MeterRegistry registry;

    HttpMetricsHandler(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addBodyEndHandler(done -> {
            String route = rc.currentRoute() == null || rc.currentRoute().getPath() == null ? "unmatched" : rc.currentRoute().getPath();
            Timer.builder("vpbx.http.requests")
                    .description("admin API requests")
                    .tag("method", rc.request().method().name())
                    .tag("route", route)
                    .tag("status", Integer.toString(rc.response().getStatusCode()))
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
        rc.next();
    }
}
