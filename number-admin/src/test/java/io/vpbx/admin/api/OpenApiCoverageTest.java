package io.vpbx.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vpbx.admin.AdminModule;
import io.vpbx.admin.TestDatabases;
import io.vpbx.config.VpbxConfig;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the router must describe the same API: a route missing from either fails. */
class OpenApiCoverageTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        assertEquals("3.1.0", doc.get("openapi").asText());
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> routed = new TreeSet<>();
        Vertx vertx = Vertx.vertx();
        try (TestDatabases.TestDatabase db = TestDatabases.h2(); BlockingWork blocking = new BlockingWork()) {
            Router router = new AdminModule(VpbxConfig.defaults(), db.database(), Clock.systemUTC(),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).router(vertx, blocking);
            for (Route route : router.getRoutes()) {
                if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
                    continue;
                }
                String openApiPath = route.getPath().replaceAll(":([a-z_]+)", "{$1}");
                for (HttpMethod method : route.methods()) {
                    routed.add(method.name() + " " + openApiPath);
                }
            }
        } finally {
            vertx.close().await();
        }
        assertTrue(routed.size() > 15, "the router has the API's routes: " + routed);
        assertEquals(routed, documented);
    }
}
