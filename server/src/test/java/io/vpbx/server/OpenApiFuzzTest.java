package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema-driven fuzz pass over the whole admin API, as CI runs it: the test reads /openapi.json from a
 * running server and sends every operation it documents a bounded, seeded set of hostile requests
 * ({@link FuzzCases}), with an account's key and with the operator's. No answer may be a 5xx; every 4xx
 * must be problem+json with its status; and every /v1 operation must refuse an unknown query parameter
 * by name. Routes added later are covered as soon as they are documented (OpenApiCoverageTest sees to that).
 */
class OpenApiFuzzTest {
    private static final long SEED = 20_261_206L;
    /**
     * Requests per operation and key (each key draws its own sample of the per-property cases): about 70
     * operations x 2 keys x 30, some 3,000 requests, which an unloaded machine answers in a few seconds.
     */
    private static final int BUDGET_PER_OPERATION = 30;
    private static final String BOUGHT = "+74951230001";

    private final ObjectMapper mapper = new ObjectMapper();
    @TempDir
    Path dataDir;

    @Test
    void noHostileRequestGetsA5xxAndEvery4xxIsProblemJson() throws IOException {
        try (RunningServer running = new RunningServer("h2", dataDir)) {
            Api api = running.api;
            String op = RunningServer.OPERATOR_KEY;
            String acme = fixtures(api, op);
            JsonNode document = api.get("/openapi.json", null).json();
            FuzzCases generator = new FuzzCases(document, SEED);
            List<String> failures = new ArrayList<>();
            int sent = 0;
            for (Operation operation : operations(document)) {
                List<String> keys = operation.secured() ? List.of(acme, op) : java.util.Collections.singletonList(null);
                for (String key : keys) {
                    Map<String, String> pathValues = pathValues(api, operation.template(), key == null ? op : key);
                    for (FuzzCases.Case c : generator.of(operation.template(), operation.spec(), pathValues, BUDGET_PER_OPERATION)) {
                        Api.Response response = send(api, operation, key, c, sent);
                        sent++;
                        String failure = check(operation, c, response);
                        if (failure != null) {
                            failures.add(operation.method() + " " + c.path() + " [" + c.what() + ", "
                                    + (key == null ? "no key" : key.equals(op) ? "operator" : "account") + "]: " + failure);
                        }
                    }
                    String raw = rawMalformedEncoding(running.server.adminPort(), operation, key, pathValues);
                    if (raw != null) {
                        failures.add(operation.method() + " " + operation.template() + " [malformed percent-encoding]: " + raw);
                    }
                }
            }
            assertTrue(sent > 1_500, "the pass sent " + sent + " requests");
            assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " hostile requests were mishandled:\n"
                    + String.join("\n", failures.subList(0, Math.min(100, failures.size()))));
            assertEquals(200, api.get("/health/live", null).status(), "the server still serves");
        }
    }

    private record Operation(String method, String template, JsonNode spec, boolean secured) {
    }

    /** Every documented operation, deletions last so that the resources they remove serve the others first. */
    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        JsonNode globalSecurity = document.path("security");
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode security = method.getValue().has("security") ? method.getValue().get("security") : globalSecurity;
            operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue(),
                    security.isArray() && !security.isEmpty()));
        }));
        operations.sort(Comparator.comparing(operation -> operation.method().equals("DELETE")));
        return operations;
    }

    /** An account with two numbers, an employee, a department and a carrier trunk, so that paths reach real resources. */
    private static String fixtures(Api api, String op) {
        String acme = api.post("/v1/accounts", op, "{\"name\":\"Acme\",\"contact_phone\":\"+79161234567\"}").json().get("api_key").asText();
        assertEquals(201, api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230019\"}").status());
        String reservation = api.post("/v1/reservations", acme, "{\"numbers\":[\"" + BOUGHT + "\",\"+74951230002\"]}").json().get("id").asText();
        assertEquals(201, api.call("POST", "/v1/numbers", acme, "{\"reservation_id\":\"" + reservation + "\"}",
                Map.of("Idempotency-Key", "fixtures")).status());
        Api.Response anna = api.post("/v1/employees", acme,
                "{\"name\":\"Anna\",\"extension\":\"101\",\"sip_username\":\"anna.fuzz\",\"sip_password\":\"correct horse battery\"}");
        assertEquals(201, anna.status(), anna.body());
        assertEquals(201, api.post("/v1/departments", acme, "{\"name\":\"Sales\",\"strategy\":\"ring_all\",\"members\":[{\"employee_id\":\""
                + anna.json().get("id").asText() + "\"}]}").status());
        assertEquals(201, api.post("/v1/trunks", op, "{\"name\":\"Carrier\",\"source_addresses\":[\"192.0.2.10\"]}").status());
        return acme;
    }

    /** Real values for a path's parameters: the first item of the collection above it, else a number the account holds. */
    private static Map<String, String> pathValues(Api api, String template, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        int brace = template.indexOf('{');
        while (brace >= 0) {
            String name = template.substring(brace + 1, template.indexOf('}', brace));
            String collection = template.substring(0, brace - 1);
            for (Map.Entry<String, String> known : values.entrySet()) {
                collection = collection.replace("{" + known.getKey() + "}", known.getValue()); // nested: /numbers/{number}/...
            }
            JsonNode items = api.get(collection, key).json().path("items");
            JsonNode first = items.isArray() && !items.isEmpty() ? items.get(0).path(name) : null;
            String value = first != null && first.isTextual() ? first.asText() : name.equals("number") ? BOUGHT : "no-such-" + name;
            values.put(name, value.replace("+", "%2B"));
            brace = template.indexOf('{', brace + 1);
        }
        return values;
    }

    private static Api.Response send(Api api, Operation operation, String key, FuzzCases.Case c, int serial) {
        Map<String, String> headers = new HashMap<>();
        if (c.contentType() != null) {
            headers.put("Content-Type", c.contentType());
        }
        operation.spec().path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asText())) {
                headers.put(parameter.get("name").asText(), "fuzz-" + serial);
            }
        });
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8);
        return api.exactly(operation.method(), c.path(), key, body, headers);
    }

    /** What is wrong with an answer, or null when nothing is. */
    private String check(Operation operation, FuzzCases.Case c, Api.Response response) {
        int status = response.status();
        if (status >= 500) {
            return status + " " + abbreviate(response.body());
        }
        if (status >= 400) {
            String problem = problemError(status, response.header("Content-Type"), response.body());
            if (problem != null) {
                return problem;
            }
        }
        if (c.what().equals("unknown query parameter") && operation.template().startsWith("/v1/") && operation.secured()
                && status != 401 && status != 429) {
            if (status != 400 || !FuzzCases.UNKNOWN_PARAMETER.equals(response.json().path("field").asText())) {
                return "an unknown query parameter was not refused by name: " + status + " " + abbreviate(response.body());
            }
        }
        return null;
    }

    private String problemError(int status, String contentType, String body) {
        if (!"application/problem+json".equals(contentType)) {
            return status + " with Content-Type " + contentType + ": " + abbreviate(body);
        }
        try {
            JsonNode problem = mapper.readTree(body);
            if (problem.path("status").asInt() != status || problem.path("detail").asText("").isEmpty()) {
                return status + " with a problem that does not say so: " + abbreviate(body);
            }
        } catch (IOException e) {
            return status + " with a body that is not JSON: " + abbreviate(body);
        }
        return null;
    }

    /** A request no URI class would build: an invalid percent-escape in the path and in the query. */
    private String rawMalformedEncoding(int port, Operation operation, String key, Map<String, String> pathValues) throws IOException {
        String path = FuzzCases.fill(operation.template(), pathValues);
        for (String target : List.of(path + "?limit=%zz", path + "%zz", path + "?%=1")) {
            String answer = raw(port, operation.method() + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "Content-Length: 0\r\n\r\n");
            int status = Integer.parseInt(answer.substring(9, 12));
            int split = answer.indexOf("\r\n\r\n");
            String headers = answer.substring(0, split).toLowerCase(Locale.ROOT);
            String contentType = headers.contains("content-type: application/problem+json") ? "application/problem+json" : "other";
            if (status >= 500 || (status >= 400 && problemError(status, contentType, answer.substring(split + 4)) != null)) {
                return target + " -> " + abbreviate(answer);
            }
        }
        return null;
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** The text on one line, at most 300 characters. */
    private static String abbreviate(String text) {
        String line = text == null ? null : text.replace("\r\n", " | ").replace('\n', ' ');
        return line == null || line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
