package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API against a careless or hostile HTTP client: bodies too large, bodies that are not a JSON
 * object, lenient JSON, wrong content types, unknown query parameters, and requests the HTTP layer itself
 * refuses. Every refusal is problem+json naming what was wrong, and the server keeps serving.
 */
class HostileRequestTest {
    private static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @TempDir
    Path dataDir;
    RunningServer running;
    Api api;
    String op = RunningServer.OPERATOR_KEY;
    String acme;

    @BeforeEach
    void start() {
        running = new RunningServer("h2", dataDir);
        api = running.api;
        acme = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}").json().get("api_key").asText();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private static void assertProblem(int status, String field, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals(PROBLEM, response.header("Content-Type"), response.body());
        assertEquals(status, response.json().get("status").asInt(), response.body());
        if (field != null) {
            assertEquals(field, response.json().path("field").asText(null), response.body());
        }
    }

    /** {"numbers":[1,1,1,...]} of {@code size} bytes, generated as it is sent and never held whole. */
    private static InputStream numbersBody(long size) {
        byte[] head = "{\"numbers\":[1".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long sent;

            @Override
            public int read() {
                if (sent >= size) {
                    return -1;
                }
                long at = sent++;
                if (at < head.length) {
                    return head[(int) at];
                }
                if (at >= size - 3) {
                    return "1]}".charAt((int) (at - (size - 3)));
                }
                return (at - head.length) % 2 == 0 ? ',' : '1';
            }
        };
    }

    @Test
    void aSixtyMegabyteBodyIsRefusedWith413AndTheServerKeepsServing() {
        long size = 60L * 1024 * 1024;
        Api.Response declared = api.exactly("POST", "/v1/reservations", acme,
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> numbersBody(size)), size), JSON);
        assertProblem(413, null, declared);

        Api.Response chunked = api.exactly("POST", "/v1/reservations", acme,
                HttpRequest.BodyPublishers.ofInputStream(() -> numbersBody(size)), JSON);
        assertProblem(413, null, chunked);

        assertEquals(200, api.get("/health/live", null).status());
        assertEquals(200, api.get("/v1/numbers", acme).status(), "the event loop still answers");
    }

    @Test
    void aJsonBodyJustAboveItsLimitIs413WhileTheCsvImportHasItsOwnLargerLimit() {
        String big = "{\"name\":\"" + "a".repeat(300 * 1024) + "\"}";
        assertProblem(413, null, api.post("/v1/accounts", op, big));
        StringBuilder csv = new StringBuilder("number,comment\n");
        String comment = "a comment column the import ignores ".repeat(10);
        for (int i = 0; i < 3_000; i++) {
            csv.append(String.format("+7 495 600-%02d-%02d,%s%n", i / 100, i % 100, comment));
        }
        assertTrue(csv.length() > 1024 * 1024, "over a megabyte: " + csv.length());
        Api.Response imported = api.call("POST", "/v1/catalog/imports?country=RU", op, csv.toString(), Map.of("Content-Type", "text/csv"));
        assertEquals(201, imported.status(), imported.body());
        assertEquals(3_000, imported.json().get("imported").asInt());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400NamingTheBody() {
        String[] notObjects = {"null", "[]", "\"x\"", "1", "true", "", "   "};
        for (String body : notObjects) {
            assertProblem(400, "body", api.post("/v1/reservations", acme, body));
            assertProblem(400, "body", api.post("/v1/accounts", op, body));
            assertProblem(400, "body", api.post("/v1/employees", acme, body));
            assertProblem(400, "body", api.call("PUT", "/v1/numbers/+74951230001/binding", acme, body, Map.of()));
            assertProblem(400, "body", api.call("POST", "/v1/numbers", acme, body, Map.of("Idempotency-Key", "k" + body.hashCode())));
        }
    }

    @Test
    void aJsonBodyNeedsTheJsonContentType() {
        String body = "{\"name\":\"Globex\"}";
        assertProblem(415, "Content-Type", api.call("POST", "/v1/accounts", op, body, Map.of("Content-Type", "text/plain")));
        assertProblem(415, "Content-Type", api.call("POST", "/v1/accounts", op, body,
                Map.of("Content-Type", "application/json; charset=iso-8859-1")));
        assertProblem(415, "Content-Type", api.exactly("POST", "/v1/accounts", op, HttpRequest.BodyPublishers.ofString(body), Map.of()));
        assertEquals(201, api.call("POST", "/v1/accounts", op, body, Map.of("Content-Type", "application/json; charset=UTF-8")).status());
        assertEquals(201, api.call("POST", "/v1/accounts", op, "{\"name\":\"Initech\"}", Map.of("Content-Type", "Application/JSON")).status());
        assertProblem(415, "Content-Type", api.call("POST", "/v1/catalog/imports?country=RU", op, "+74955000001\n", JSON));
    }

    @Test
    void lenientJsonIsRefusedNamingTheField() {
        assertProblem(400, "body", api.post("/v1/accounts", op, "{\"name\":\"Globex\"} trailing"));
        assertProblem(400, "body", api.post("/v1/accounts", op, "{\"name\":\"Globex\"}{\"name\":\"Again\"}"));
        assertProblem(422, "name", api.post("/v1/accounts", op, "{\"name\":\"Globex\",\"name\":\"Other\"}"));
        assertProblem(422, "set.comment", api.post("/v1/numbers/bulk", acme,
                "{\"numbers\":[\"+74951230001\"],\"set\":{\"comment\":\"a\",\"comment\":\"b\"}}"));
        assertProblem(422, "name", api.post("/v1/accounts", op, "{\"name\":\"Glo\\ud800bex\"}"));
        assertProblem(422, "name", api.post("/v1/accounts", op, "{\"name\":\"\\udc00\"}"));
        assertProblem(422, "name", api.post("/v1/accounts", op, "{\"name\":true}"));
        assertProblem(422, "name", api.post("/v1/accounts", op, "{\"name\":42}"));
        assertProblem(422, "name", api.post("/v1/accounts", op, "{\"name\":4.2}"));
        assertProblem(422, "port", api.post("/v1/third-party-numbers", acme,
                "{\"number\":\"+74957770001\",\"login\":\"u\",\"password\":\"p\",\"server\":\"sip.example.com\",\"port\":\"5060\"}"));
        assertProblem(422, "enabled", api.post("/v1/third-party-numbers", acme,
                "{\"number\":\"+74957770001\",\"login\":\"u\",\"password\":\"p\",\"server\":\"sip.example.com\",\"enabled\":\"true\"}"));
        assertProblem(422, "expires", api.post("/v1/third-party-numbers", acme,
                "{\"number\":\"+74957770001\",\"login\":\"u\",\"password\":\"p\",\"server\":\"sip.example.com\",\"expires\":3600.5}"));
        assertProblem(422, "port", api.post("/v1/third-party-numbers", acme,
                "{\"number\":\"+74957770001\",\"login\":\"u\",\"password\":\"p\",\"server\":\"sip.example.com\",\"port\":99999999999}"));
        assertProblem(422, "filter.comment", api.post("/v1/numbers/bulk?dry_run=true", acme,
                "{\"filter\":{\"comment\":5},\"set\":{\"comment\":\"x\"}}"));
        Api.Response paired = api.post("/v1/accounts", op, "{\"name\":\"Emoji \\ud83d\\ude00\"}");
        assertEquals(201, paired.status(), "a surrogate pair is a character like any other: " + paired.body());
        assertEquals("Emoji \uD83D\uDE00", paired.json().get("name").asText());
    }

    @Test
    void arraysAndNestingAreBoundedNamingTheField() {
        StringBuilder many = new StringBuilder("{\"numbers\":[\"+74951230001\"");
        for (int i = 0; i < 10_000; i++) {
            many.append(",\"+74951230001\"");
        }
        assertProblem(422, "numbers", api.post("/v1/numbers/bulk", acme, many.append("],\"set\":{\"comment\":\"x\"}}").toString()));
        StringBuilder members = new StringBuilder("{\"name\":\"Sales\",\"strategy\":\"ring_all\",\"members\":[{}");
        for (int i = 0; i < 10_000; i++) {
            members.append(",{}");
        }
        Api.Response crowd = api.post("/v1/departments", acme, members.append("]}").toString());
        assertProblem(422, "members", crowd);
        assertTrue(crowd.json().get("detail").asText().contains("more than 10000 items"), crowd.body());
        String deep = "{\"set\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        Api.Response nested = api.post("/v1/numbers/bulk", acme, deep);
        assertEquals(400, nested.status(), nested.body());
        assertEquals(PROBLEM, nested.header("Content-Type"));
    }

    @Test
    void unknownQueryParametersAre400NamingTheParameter() {
        assertProblem(400, "mask", api.get("/v1/numbers?mask=495123**77", acme));
        assertProblem(400, "lmit", api.get("/v1/catalog/numbers?lmit=5", acme));
        assertProblem(400, "dryrun", api.post("/v1/numbers/bulk?dryrun=true", acme, "{\"set\":{\"comment\":\"x\"}}"));
        assertProblem(400, "x", api.post("/v1/reservations?x=1", acme, "{\"numbers\":[\"+74951230001\"]}"));
        assertEquals(200, api.get("/v1/catalog/numbers?mask=495123**77&limit=5", acme).status());
        assertEquals(200, api.get("/v1/numbers?state=active&limit=5", acme).status());
    }

    /** Bytes straight onto the admin port, for requests no HTTP client library would send. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", running.server.adminPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertRawProblem(int status, String answer) throws IOException {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " ") || answer.startsWith("HTTP/1.0 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: " + PROBLEM), answer);
        JsonNode problem = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(status, problem.get("status").asInt(), answer);
        assertFalse(problem.get("detail").asText().isEmpty(), answer);
    }

    @Test
    void requestsTheHttpLayerRefusesGetProblemJsonToo() throws IOException {
        assertRawProblem(414, raw("GET /v1/numbers?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertRawProblem(431, raw("GET /v1/numbers HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000) + "\r\n\r\n"));
        assertRawProblem(400, raw("GET /v1/numbers HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"));
        assertRawProblem(400, raw("GET /v1/numbers HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"));
        assertEquals(200, api.get("/health/live", null).status());
    }
}
