package io.vpbx.admin.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/** Unauthenticated endpoints for machines: liveness, readiness, Prometheus metrics, the OpenAPI document. */
final class OperationsRoutes implements Routes {
    static final String OPENAPI_RESOURCE = "/openapi.json";
    /** The readiness check's own budget: probes (Kubernetes, Kamailio's dispatcher) give up at a few seconds. */
    static final long READY_TIMEOUT_MILLIS = 1_500;

    private final BooleanSupplier databaseAnswers;
    private final PrometheusMeterRegistry registry;
    private final BlockingWork blocking;
    private final byte[] openApi;

    OperationsRoutes(BooleanSupplier databaseAnswers, PrometheusMeterRegistry registry, BlockingWork blocking) {
        this.databaseAnswers = databaseAnswers;
        this.blocking = blocking;
        this.registry = registry;
        this.openApi = readOpenApi();
    }

    @Override
    public void mount(Router router) {
        router.get("/health/live").handler(rc -> rc.response().putHeader("Content-Type", "application/json").end("{\"status\":\"up\"}"));
        router.get("/health/ready").handler(this::ready);
        router.get("/metrics").handler(rc -> blocking.run(registry::scrape)
                .onSuccess(text -> rc.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(text))
                .onFailure(rc::fail));
        router.get("/openapi.json").handler(rc -> rc.response().putHeader("Content-Type", "application/json")
                .end(io.vertx.core.buffer.Buffer.buffer(openApi)));
    }

    /** Answers within {@link #READY_TIMEOUT_MILLIS} whatever the database does: a check that hangs is a failed one. */
    private void ready(RoutingContext rc) {
        long timer = rc.vertx().setTimer(READY_TIMEOUT_MILLIS, id -> answerReady(rc, false));
        blocking.run(databaseAnswers::getAsBoolean).onComplete(result -> {
            rc.vertx().cancelTimer(timer);
            answerReady(rc, result.succeeded() && result.result());
        });
    }

    private static void answerReady(RoutingContext rc, boolean up) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                .end(up ? "{\"status\":\"ready\",\"database\":\"up\"}" : "{\"status\":\"not_ready\",\"database\":\"down\"}");
    }

    private static byte[] readOpenApi() {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
