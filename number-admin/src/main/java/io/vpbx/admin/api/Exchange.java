package io.vpbx.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.service.RequestContext;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * The small vocabulary every routes class uses: read the JSON body, run service work off the event
 * loop (services do JDBC), answer JSON. Failures go to the router's failure handler, which answers
 * problem+json.
 */
public final class Exchange {
    static final String CONTEXT_KEY = "vpbx.request-context";
    static final String REQUEST_ID_KEY = "vpbx.request-id";
    private static final String JSON = "application/json";

    private final ObjectMapper mapper;

    public Exchange(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The authenticated caller, set by the authentication handler. */
    public RequestContext context(RoutingContext rc) {
        return rc.get(CONTEXT_KEY);
    }

    public <T> T body(RoutingContext rc, Class<T> type) throws IOException {
        return mapper.readValue(bodyBytes(rc), type);
    }

    public JsonNode bodyTree(RoutingContext rc) throws IOException {
        JsonNode node = mapper.readTree(bodyBytes(rc));
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body", "the body must be a JSON object");
        }
        return node;
    }

    private byte[] bodyBytes(RoutingContext rc) {
        if (rc.body() == null || rc.body().buffer() == null || rc.body().length() == 0) {
            throw ApiException.badRequest("body", "a JSON body is required");
        }
        return rc.body().buffer().getBytes();
    }

    /** Runs {@code work} on a worker thread and answers its result as JSON with {@code status}. */
    public <T> void blocking(RoutingContext rc, int status, Callable<T> work) {
        rc.vertx().<T>executeBlocking(work, false)
                .onSuccess(result -> json(rc, status, result))
                .onFailure(rc::fail);
    }

    public void json(RoutingContext rc, int status, Object body) {
        if (rc.response().ended()) {
            return;
        }
        if (status == 204) {
            rc.response().setStatusCode(204).end();
            return;
        }
        try {
            String text = body instanceof String s ? s : mapper.writeValueAsString(body);
            rc.response().setStatusCode(status).putHeader("Content-Type", JSON).end(text);
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
