package io.vpbx.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A tiny HTTP client for the admin API as a user sees it: method, path, key, JSON in, JSON out. */
final class Api {
    record Response(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path, String key) {
        return call("GET", path, key, null, Map.of());
    }

    Response post(String path, String key, String json) {
        return call("POST", path, key, json, Map.of());
    }

    Response patch(String path, String key, String json) {
        return call("PATCH", path, key, json, Map.of());
    }

    Response delete(String path, String key) {
        return call("DELETE", path, key, null, Map.of());
    }

    Response call(String method, String path, String key, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (body != null && !headers.containsKey("Content-Type")) {
            all.put("Content-Type", "application/json");
        }
        return exactly(method, path, key,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), all);
    }

    /** A GET whose answer is binary (a WAV file): status, Content-Type and the bytes. */
    HttpResponse<byte[]> download(String path, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", "Bearer " + key).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with exactly these headers (no Content-Type added) and any body, for hostile clients. */
    Response exactly(String method, String path, String key, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = MissingNode.getInstance();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = mapper.readTree(response.body());
            }
            return new Response(response.statusCode(), json, response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
