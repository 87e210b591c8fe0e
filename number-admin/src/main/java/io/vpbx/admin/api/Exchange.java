package io.vpbx.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.service.RequestContext;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * The small vocabulary every routes class uses: read the JSON body (through the one {@link JsonBodyReader}),
 * run service work off the event loop on a virtual thread ({@link BlockingWork}: services do JDBC), answer JSON.
 * Failures go to the router's failure handler, which answers problem+json.
 */
public final class Exchange {
    static final String CONTEXT_KEY = "vpbx.request-context";
    static final String REQUEST_ID_KEY = "vpbx.request-id";
    private static final String JSON = "application/json";

    private final ObjectMapper mapper;
    private final JsonBodyReader reader;
    private final BlockingWork blocking;

    Exchange(ObjectMapper mapper, JsonBodyReader reader, BlockingWork blocking) {
        this.mapper = mapper;
        this.reader = reader;
        this.blocking = blocking;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The authenticated caller, set by the authentication handler. */
    public RequestContext context(RoutingContext rc) {
        return rc.get(CONTEXT_KEY);
    }

    /** The same for routes mounted on the router from outside this package (the server's node routes); null before /v1's authentication. */
    public static RequestContext callerOf(RoutingContext rc) {
        return rc.get(CONTEXT_KEY);
    }

    /** The body as {@code type}; call it off the event loop (in {@link #blocking}), as parsing takes time. */
    public <T> T body(RoutingContext rc, Class<T> type) throws IOException {
        return mapper.treeToValue(bodyTree(rc), type);
    }

    /** The body as a JSON object, checked by the one reader every body passes through. */
    public ObjectNode bodyTree(RoutingContext rc) throws IOException {
        byte[] bytes = rc.body() == null || rc.body().buffer() == null ? null : rc.body().buffer().getBytes();
        return reader.read(rc.request().getHeader("Content-Type"), bytes);
    }

    /** Runs {@code work} off the event loop and answers its result as JSON with {@code status}. */
    public <T> void blocking(RoutingContext rc, int status, Callable<T> work) {
        offLoop(work)
                .onSuccess(result -> json(rc, status, result))
                .onFailure(rc::fail);
    }

    /** Runs {@code work} off the event loop; the future completes back on the caller's event loop. */
    public <T> Future<T> offLoop(Callable<T> work) {
        return blocking.run(work);
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
