package io.vpbx.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.handler.HttpException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.store.StorageException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failure becomes which problem: the order of the cases matters (Jackson's exceptions nest). */
class ProblemMapperTest {
    private final ProblemMapper problems = new ProblemMapper();
    private final ObjectMapper mapper = new ObjectMapper();

    record Body(int count) {
    }

    private Problem problemOf(String json) {
        return problems.toProblem(assertThrows(Exception.class, () -> mapper.readValue(json, Body.class)), 500, "/v1/x", "r-1");
    }

    @Test
    void jsonFailuresNameTheFieldOrThePosition() {
        Problem unknown = problemOf("{\"count\":1,\"extra\":2}");
        assertEquals(422, unknown.status());
        assertEquals("unknown field 'extra'", unknown.detail());
        Problem wrongType = problemOf("{\"count\":\"many\"}");
        assertEquals(422, wrongType.status());
        assertEquals("count", wrongType.field());
        assertEquals("wrong type for field 'count'", wrongType.detail());
        Problem malformed = problemOf("{\"count\":");
        assertEquals(400, malformed.status());
        assertEquals("https://vpbx.io/problems/malformed-json", malformed.type());
    }

    @Test
    void aFieldCheckInsideJacksonIsThatFieldsProblem() {
        JsonMappingException wrapped = new JsonMappingException(null, "wrapped", new InvalidFieldException("number", "is not E.164"));
        Problem problem = problems.toProblem(wrapped, 500, "/v1/x", "r-1");
        assertEquals(422, problem.status());
        assertEquals("number", problem.field());
    }

    @Test
    void routingStatusesStorageAndTheRest() {
        assertEquals(404, problems.toProblem(null, 404, "/nowhere", "r-1").status());
        assertEquals(413, problems.toProblem(new HttpException(413), 500, "/v1/x", "r-1").status());
        assertEquals(500, problems.toProblem(new HttpException(502), 500, "/v1/x", "r-1").status());
        StorageException poolTimeout = new StorageException("database operation failed",
                new SQLTransientConnectionException("vpbx-db - Connection is not available, request timed out after 5000ms"));
        assertEquals(503, problems.toProblem(poolTimeout, 500, "/v1/x", "r-1").status());
        assertEquals(500, problems.toProblem(new IllegalStateException("bug"), 500, "/v1/x", "r-1").status());
    }
}
