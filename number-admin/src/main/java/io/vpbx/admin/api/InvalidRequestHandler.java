package io.vpbx.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;

/**
 * Answers what the HTTP layer could not decode, before any route sees it, in the API's one error shape:
 * 414 for a request line over the server's limit, 431 for header fields over it, 400 for anything else
 * malformed; then the connection closes, as after such a request the stream cannot be trusted. The
 * problem names no path: the request's own line is what could not be read.
 */
public final class InvalidRequestHandler implements Handler<HttpServerRequest> {
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final ProblemMapper problems = new ProblemMapper();

    public InvalidRequestHandler(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.registry = registry;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        registry.counter("vpbx.http.invalid.requests", "status", Integer.toString(status)).increment();
        String requestId = UUID.randomUUID().toString();
        String body;
        try {
            body = mapper.writeValueAsString(problems.toProblem(null, status, null, requestId));
        } catch (JsonProcessingException e) {
            body = "";
        }
        request.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader(RequestIdHandler.HEADER, requestId)
                .putHeader("Connection", "close")
                .end(body)
                .onComplete(done -> request.connection().close());
    }
}
