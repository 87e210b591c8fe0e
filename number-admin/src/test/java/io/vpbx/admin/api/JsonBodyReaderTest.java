package io.vpbx.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vpbx.admin.domain.InvalidFieldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one way a body is read: what it accepts, and the field each refusal names. */
class JsonBodyReaderTest {
    private static final String JSON = "application/json";
    private final ObjectMapper mapper = JsonMappers.create();
    private final JsonBodyReader reader = new JsonBodyReader(mapper.getFactory(), mapper.getNodeFactory(), 3, 4);

    private Object read(String contentType, String body) throws IOException {
        return reader.read(contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private InvalidFieldException invalid(String body) {
        return assertThrows(InvalidFieldException.class, () -> read(JSON, body));
    }

    private ApiException refused(String contentType, String body) {
        return assertThrows(ApiException.class, () -> read(contentType, body));
    }

    @Test
    void takesOneObjectAsApplicationJsonInUtf8() throws IOException {
        String body = "{\"a\":[1,2.5,\"x\"],\"b\":[true,null],\"c\":{\"d\":{}},\"e\":12345678901234567890}";
        assertEquals(mapper.readTree(body), read(JSON, body));
        for (String type : List.of("application/json; charset=utf-8", "APPLICATION/JSON;charset=\"UTF-8\"", "application/json ; foo=bar")) {
            assertEquals(mapper.readTree("{}"), read(type, " {} \n"), type);
        }
        assertEquals("\uD83D\uDE00", reader.read(JSON, "{\"e\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8)).get("e").asText());
    }

    @Test
    void anyOtherContentTypeIs415() {
        for (String type : new String[] {null, "", "text/plain", "application/jsonx", "application/json; charset=latin1",
                "application/x-www-form-urlencoded", "multipart/form-data"}) {
            ApiException e = refused(type, "{}");
            assertEquals(415, e.status(), type);
            assertEquals("Content-Type", e.field());
        }
    }

    @Test
    void aBodyThatIsNotOneObjectIs400NamingTheBody() {
        for (String body : new String[] {null, "", "  \n", "null", "[]", "\"x\"", "1", "true", "{} {}"}) {
            ApiException e = refused(JSON, body);
            assertEquals(400, e.status(), body);
            assertEquals("body", e.field(), body);
        }
        assertThrows(JsonProcessingException.class, () -> read(JSON, "{} x"), "garbage after the object is not JSON");
        assertThrows(JsonProcessingException.class, () -> read(JSON, "{}]"));
        assertThrows(JsonProcessingException.class, () -> read(JSON, "{\"a\":1,}"));
    }

    @Test
    void duplicateKeysAreNamedWhereverTheyAre() {
        assertEquals("a", invalid("{\"a\":1,\"a\":1}").field());
        assertEquals("set.forwarding.target", invalid("{\"set\":{\"forwarding\":{\"target\":1,\"target\":2}}}").field());
        assertEquals("members[1].employee_id", invalid("{\"members\":[{\"employee_id\":\"a\"},{\"employee_id\":\"b\",\"employee_id\":\"c\"}]}").field());
    }

    @Test
    void loneSurrogatesAreRefusedNamingTheField() {
        assertEquals("name", invalid("{\"name\":\"a\\ud800\"}").field());
        assertEquals("name", invalid("{\"name\":\"\\udc00b\"}").field());
        assertEquals("name", invalid("{\"name\":\"\\ude00\\ud83d\"}").field(), "a pair in the wrong order is two lone halves");
        assertEquals("uris[0]", invalid("{\"uris\":[\"\\ud800\"]}").field());
        assertThrows(JsonProcessingException.class, () -> read(JSON, "{\"\\ud800\":1}"), "Jackson refuses it in a key itself");
        assertTrue(JsonBodyReader.hasLoneSurrogate("\ud83d"));
        assertFalse(JsonBodyReader.hasLoneSurrogate("\ud83d\ude00 ok"));
    }

    @Test
    void arraysAndNestingHaveLimits() {
        InvalidFieldException tooMany = invalid("{\"set\":{\"numbers\":[1,2,3,4]}}");
        assertEquals("set.numbers", tooMany.field());
        assertTrue(tooMany.getMessage().contains("more than 3 items"), tooMany.getMessage());
        ApiException deep = refused(JSON, "{\"a\":{\"b\":[{\"c\":[]}]}}");
        assertEquals(400, deep.status());
        assertEquals("body", deep.field());
        assertThrows(ApiException.class, () -> read(JSON, "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
    }

    record Named(String name, Integer port, Boolean enabled) {
    }

    @Test
    void theMapperCoercesNoScalar() throws IOException {
        for (String body : new String[] {"{\"name\":true}", "{\"name\":42}", "{\"name\":4.5}", "{\"port\":\"5060\"}",
                "{\"port\":50.5}", "{\"enabled\":\"true\"}", "{\"enabled\":1}", "{\"port\":\"\"}"}) {
            MismatchedInputException e = assertThrows(MismatchedInputException.class,
                    () -> mapper.treeToValue(reader.read(JSON, body.getBytes(StandardCharsets.UTF_8)), Named.class), body);
            assertFalse(e.getPath().isEmpty(), body);
        }
        Exception overflow = assertThrows(Exception.class, () -> mapper.treeToValue(
                reader.read(JSON, "{\"port\":99999999999}".getBytes(StandardCharsets.UTF_8)), Named.class));
        Problem problem = new ProblemMapper().toProblem(overflow, 0, "/v1/x", "r");
        assertEquals(422, problem.status(), overflow.toString());
        assertEquals("port", problem.field());
        assertEquals(new Named("x", 5060, true), mapper.treeToValue(
                reader.read(JSON, "{\"name\":\"x\",\"port\":5060,\"enabled\":true}".getBytes(StandardCharsets.UTF_8)), Named.class));
    }
}
