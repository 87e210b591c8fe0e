package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API keys are managed (issue 10, API finding 7): several named keys per account, expiry, revocation, rotation
 * with an overlap, last use; bad keys from one address are throttled without telling good keys from bad.
 */
abstract class ApiKeyApiContract extends WholeServerContract {
    String acme;
    String acmeId;
    String globex;

    ApiKeyApiContract(String kind) {
        super(kind);
    }

    @Override
    String[] flags() {
        return new String[] {"--api.auth-failures.limit=5"};
    }

    @BeforeEach
    void createAccounts() {
        JsonNode a = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json();
        acme = a.get("api_key").asText();
        acmeId = a.get("id").asText();
        globex = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Globex\"}").json().get("api_key").asText();
        running.clock.advance(Duration.ofMinutes(1)); // keys are listed oldest first
    }

    private JsonNode issue(String key, String body) {
        Api.Response issued = api.post("/v1/api-keys", key, body);
        assertEquals(201, issued.status(), issued.body());
        return issued.json();
    }

    @Test
    void anAccountHoldsSeveralNamedKeysAndSeesOnlyItsOwn() {
        JsonNode ci = issue(acme, "{\"name\":\"CI pipeline\"}");
        String ciSecret = ci.get("secret").asText();
        assertTrue(ciSecret.startsWith("vpbx_"));
        assertEquals(200, api.get("/v1/numbers", ciSecret).status(), "the new key works");
        assertEquals(200, api.get("/v1/numbers", acme).status(), "and so does the first one");

        Api.Response listed = api.get("/v1/api-keys", acme);
        assertEquals(200, listed.status(), listed.body());
        List<String> names = StreamSupport.stream(listed.json().get("items").spliterator(), false)
                .map(k -> k.get("name").asText()).toList();
        assertEquals(List.of("first key", "CI pipeline"), names, "the account's key from before is managed like the others");
        assertFalse(listed.body().contains(ciSecret), "a secret is shown once, when issued");
        assertFalse(listed.body().contains("key_hash") || listed.body().contains("\"hash\""));

        String ciId = ci.get("id").asText();
        assertEquals(404, api.get("/v1/api-keys/" + ciId, globex).status(), "another account's key does not exist for Globex");
        assertEquals(404, api.delete("/v1/api-keys/" + ciId, globex).status());
        assertEquals(404, api.get("/v1/api-keys?account_id=" + acmeId, globex).status());
        assertEquals(1, api.get("/v1/api-keys", globex).json().get("items").size());
    }

    @Test
    void aRevokedKeyStopsAtOnceAndTheOperatorCanRevokeAnAccountsKeys() {
        String ci = issue(acme, "{\"name\":\"CI\"}").get("id").asText();
        String secret = api.get("/v1/api-keys/" + ci, acme).json().get("prefix").asText();
        assertTrue(secret.startsWith("vpbx_"));
        JsonNode ops = issue(acme, "{\"name\":\"ops\"}");
        assertEquals(200, api.get("/v1/numbers", ops.get("secret").asText()).status());
        assertEquals(204, api.delete("/v1/api-keys/" + ops.get("id").asText(), acme).status());
        assertEquals(401, api.get("/v1/numbers", ops.get("secret").asText()).status(), "revoked, even though it was remembered");

        Api.Response operatorView = api.get("/v1/api-keys?account_id=" + acmeId, RunningServer.OPERATOR_KEY);
        assertEquals(3, operatorView.json().get("items").size(), operatorView.body());
        String firstKeyId = operatorView.json().get("items").get(0).get("id").asText();
        assertEquals(204, api.delete("/v1/api-keys/" + firstKeyId, RunningServer.OPERATOR_KEY).status());
        assertEquals(401, api.get("/v1/numbers", acme).status(), "the operator revoked Acme's first key");
        Api.Response rescue = api.post("/v1/api-keys", RunningServer.OPERATOR_KEY,
                "{\"name\":\"issued by the operator\",\"account_id\":\"" + acmeId + "\"}");
        assertEquals(201, rescue.status(), rescue.body());
        assertEquals(acmeId, rescue.json().get("account_id").asText());
        assertEquals(200, api.get("/v1/numbers", rescue.json().get("secret").asText()).status(), "and may issue it a new one");
        assertEquals(404, api.post("/v1/api-keys", globex, "{\"name\":\"x\",\"account_id\":\"" + acmeId + "\"}").status(),
                "an account issues keys only to itself");
        JsonNode audit = api.get("/v1/audit-events?resource_type=api_key&resource_id=" + firstKeyId, RunningServer.OPERATOR_KEY)
                .json().get("items").get(0);
        assertEquals("api_key.revoked", audit.get("action").asText());
    }

    @Test
    void rotationIssuesANewKeyAndTheOldOneWorksUntilTheOverlapEnds() {
        String firstId = api.get("/v1/api-keys", acme).json().get("items").get(0).get("id").asText();
        Api.Response rotated = api.post("/v1/api-keys/" + firstId + "/rotate", acme, "{\"overlap_seconds\":3600}");
        assertEquals(201, rotated.status(), rotated.body());
        String next = rotated.json().get("secret").asText();
        assertNotEquals(acme, next);
        assertEquals("first key", rotated.json().get("name").asText(), "the new key keeps the name");
        assertEquals(running.clock.instant().plus(Duration.ofHours(1)).toString(),
                rotated.json().get("previous").get("expires_at").asText());

        running.clock.advance(Duration.ofMinutes(59));
        assertEquals(200, api.get("/v1/numbers", acme).status(), "within the overlap both keys work");
        assertEquals(200, api.get("/v1/numbers", next).status());
        running.clock.advance(Duration.ofMinutes(2));
        assertEquals(401, api.get("/v1/numbers", acme).status(), "after the overlap the old key is refused");
        assertEquals(200, api.get("/v1/numbers", next).status());
    }

    @Test
    void aKeyWithAnExpiryStopsThenAndLastUseIsWrittenInBatches() {
        JsonNode temp = issue(acme, "{\"name\":\"temp\",\"expires_at\":\"" + running.clock.instant().plus(Duration.ofDays(1)) + "\"}");
        String secret = temp.get("secret").asText();
        assertTrue(temp.get("last_used_at").isNull());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.get("/v1/numbers", secret).status());
        }
        running.server.admin().runMaintenance();
        JsonNode read = api.get("/v1/api-keys/" + temp.get("id").asText(), acme).json();
        assertEquals(running.clock.instant().toString(), read.get("last_used_at").asText());
        running.clock.advance(Duration.ofDays(1));
        assertEquals(401, api.get("/v1/numbers", secret).status(), "expired");

        Api.Response past = api.post("/v1/api-keys", acme, "{\"name\":\"x\",\"expires_at\":\"2020-01-01T00:00:00Z\"}");
        assertEquals(422, past.status(), past.body());
        assertEquals("expires_at", past.json().get("field").asText());
    }

    @Test
    void hostileBodiesGet4xxProblemJson() {
        for (String bad : new String[] {"{}", "null", "[]", "{\"name\":7}", "{\"name\":\"\"}", "{\"name\":\"a\\nb\"}",
                "{\"name\":\"x\",\"expires_at\":\"tomorrow\"}", "{\"name\":\"x\",\"role\":\"OPERATOR\"}", "{\"name\":\"x\"",
                "{\"name\":\"" + "n".repeat(101) + "\"}"}) {
            Api.Response answer = api.post("/v1/api-keys", acme, bad);
            assertTrue(answer.status() >= 400 && answer.status() < 500, bad + " -> " + answer.status() + " " + answer.body());
            assertEquals("application/problem+json", answer.header("Content-Type"), bad);
        }
        String id = api.get("/v1/api-keys", acme).json().get("items").get(0).get("id").asText();
        for (String bad : new String[] {"{\"overlap_seconds\":-1}", "{\"overlap_seconds\":\"1h\"}", "{\"overlap_seconds\":1e40}",
                "{\"overlap_seconds\":99999999999}", "{\"x\":1}"}) {
            Api.Response answer = api.post("/v1/api-keys/" + id + "/rotate", acme, bad);
            assertTrue(answer.status() >= 400 && answer.status() < 500, bad + " -> " + answer.status() + " " + answer.body());
        }
        assertEquals(200, api.get("/v1/numbers", acme).status(), "no hostile rotation took effect");
    }

    @Test
    void repeatedBadKeysFromOneAddressGet429WithRetryAfterWhateverTheKey() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.get("/v1/numbers", "vpbx_guess-" + i).status());
        }
        Api.Response guessed = api.get("/v1/numbers", "vpbx_guess-6");
        Api.Response good = api.get("/v1/numbers", acme);
        for (Api.Response throttled : List.of(guessed, good)) {
            assertEquals(429, throttled.status(), throttled.body());
            assertEquals("application/problem+json", throttled.header("Content-Type"));
            assertTrue(Long.parseLong(throttled.header("Retry-After")) > 0);
        }
        assertEquals(guessed.json().get("detail").asText(), good.json().get("detail").asText(),
                "a good key and a bad one get the same answer while throttled");
        String metrics = api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_admin_auth_failures_total{outcome=\"throttled\"} 2.0"), metrics);
        assertTrue(metrics.contains("vpbx_admin_auth_failures_total{outcome=\"rejected\"} 5.0"), metrics);
    }
}
