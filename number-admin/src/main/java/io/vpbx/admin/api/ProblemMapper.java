package io.vpbx.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.ext.web.handler.HttpException;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.UnsupportedMediaTypeException;
import io.vpbx.admin.domain.lifecycle.IllegalTransitionException;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.domain.limits.LimitExceededException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns any failure into the one error shape; nothing else builds error bodies. */
final class ProblemMapper {
    private static final String BASE = "https://vpbx.io/problems/";

    Problem toProblem(Throwable failure, int routingStatus, String path, String requestId) {
        return switch (failure) {
            case null -> routingProblem(routingStatus, path, requestId);
            case HttpException e when e.getStatusCode() >= 400 && e.getStatusCode() < 500 ->
                    routingProblem(e.getStatusCode(), path, requestId);
            case InvalidFieldException e ->
                    new Problem(BASE + "invalid-field", "Invalid field", 422, e.getMessage(), path, e.field(), List.of(), requestId);
            case UnsupportedMediaTypeException e -> new Problem(BASE + slug(415), title(415), 415, e.getMessage(), path, e.field(),
                    List.of(), requestId);
            case ApiException e -> new Problem(BASE + slug(e.status()), title(e.status()), e.status(), e.getMessage(), path,
                    e.field(), List.of(), requestId);
            case LimitExceededException e -> limitProblem(e, path, requestId);
            case NotFoundException e -> new Problem(BASE + "not-found", "Not found", 404, e.getMessage(), path, null, List.of(), requestId);
            case ConflictException e ->
                    new Problem(BASE + "conflict", "Conflict", 409, e.getMessage(), path, e.field(), e.blockers(), requestId);
            case IllegalTransitionException e ->
                    new Problem(BASE + "conflict", "Conflict", 409, e.getMessage(), path, null, List.of(), requestId);
            case ForbiddenException e -> new Problem(BASE + "forbidden", "Forbidden", 403, e.getMessage(), path, null, List.of(), requestId);
            case UnrecognizedPropertyException e -> new Problem(BASE + "invalid-field", "Invalid field", 422,
                    "unknown field '" + e.getPropertyName() + "'", path, fieldPath(e), List.of(), requestId);
            // InvalidFormatException too: a value of the wrong type
            case MismatchedInputException e -> new Problem(BASE + "invalid-field", "Invalid field", 422,
                    "wrong type for field '" + fieldPath(e) + "'", path, fieldPath(e), List.of(), requestId);
            case JsonMappingException e when e.getCause() instanceof InvalidFieldException invalid ->
                    toProblem(invalid, routingStatus, path, requestId);
            // e.g. a number out of range for its field; the message would repeat the value, so only the field
            case JsonMappingException e when !e.getPath().isEmpty() -> new Problem(BASE + "invalid-field", "Invalid field", 422,
                    "invalid value for field '" + fieldPath(e) + "'", path, fieldPath(e), List.of(), requestId);
            case JsonProcessingException e -> malformedJson(e, path, requestId);
            case StorageException e when e.unreachable() -> new Problem(BASE + "unavailable", "Service unavailable", 503,
                    "the database is unreachable; nothing was changed, retry after " + e.retryAfterSeconds() + " s", path, null,
                    List.of(), requestId);
            case StorageException e -> new Problem(BASE + "unavailable", "Service unavailable", 503,
                    "the database did not complete the request; nothing was changed, retry later", path, null, List.of(), requestId);
            default -> new Problem(BASE + "internal", "Internal error", 500,
                    "an unexpected error; it is logged under request id " + requestId, path, null, List.of(), requestId);
        };
    }

    private static Problem limitProblem(LimitExceededException e, String path, String requestId) {
        boolean rate = e.kind() == LimitExceededException.Kind.RATE;
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("limit", e.limit());
        members.put("limit_value", e.value());
        if (rate) {
            members.put("retry_after_seconds", e.retryAfterSeconds());
        }
        return new Problem(BASE + "limit-exceeded", rate ? "Too many requests" : "Limit reached", rate ? 429 : 409,
                e.getMessage(), path, null, List.of(), requestId, members);
    }

    private static Problem malformedJson(JsonProcessingException e, String path, String requestId) {
        // Only the position: the parser's own message repeats the offending token, which may be personal data.
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return new Problem(BASE + "malformed-json", "Malformed JSON", 400,
                "the body is not valid JSON" + where, path, "body", List.of(), requestId);
    }

    private static Problem routingProblem(int status, String path, String requestId) {
        String detail = switch (status) {
            case 400 -> "the request is malformed: its line, path, query or header fields could not be read";
            case 404 -> "no such resource: " + path;
            case 405 -> "method not allowed on " + path;
            case 413 -> "request body too large";
            case 415 -> "unsupported content type";
            case 414 -> "the request line (method, path and query) is too long";
            case 431 -> "the request's header fields are too large";
            default -> "request failed";
        };
        return new Problem(BASE + slug(status), title(status), status, detail, path, null, List.of(), requestId);
    }

    private static String fieldPath(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return joined.isEmpty() ? "body" : joined.replace(".[", "[");
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "header-fields-too-large";
            case 429 -> "rate-limited";
            default -> "status-" + status;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            case 429 -> "Too many requests";
            default -> "Error";
        };
    }
}
