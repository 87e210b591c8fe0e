package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /v1/voicemails over HTTP against a whole server: messages handed to the server's voicemail sink (as the call side
 * does) are listed with filters and pages, played, marked heard and deleted (audited), never shown to another
 * account, swept after voicemail.retention, and mailed (here to the development outbox, mail.host being empty). A
 * voicemail fallback's recipients are e-mail addresses or employees of the account.
 */
abstract class VoicemailApiContract extends WholeServerContract {
    private static final String ACME_NUMBER = "+74951230001";
    private static final String ACME_OTHER = "+74951230003";
    private static final String GLOBEX_NUMBER = "+74951230002";
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private String acme;
    private String acmeId;
    private String globex;
    private String globexId;

    VoicemailApiContract(String kind) {
        super(kind);
    }

    @BeforeEach
    void createAccountsWithNumbers() {
        JsonNode a = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}").json();
        acme = a.get("api_key").asText();
        acmeId = a.get("id").asText();
        JsonNode g = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}").json();
        globex = g.get("api_key").asText();
        globexId = g.get("id").asText();
        assertEquals(201, api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}").status());
        buy(acme, ACME_NUMBER);
        buy(acme, ACME_OTHER);
        buy(globex, GLOBEX_NUMBER);
    }

    private void buy(String key, String number) {
        assertEquals(201, api.post("/v1/reservations", key, "{\"numbers\":[\"" + number + "\"]}").status());
        assertEquals(201, api.call("POST", "/v1/numbers", key, "{\"numbers\":[\"" + number + "\"]}",
                Map.of("Idempotency-Key", "buy-" + number)).status());
    }

    private static byte[] wav(int seed) {
        byte[] bytes = new byte[16_044];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Hands a message to the server's sink as the call side does, and waits until it is stored. */
    private void leave(String accountId, String number, String caller, Instant startedAt, byte[] wav, String... recipients) {
        running.server.voicemails().accept(new NewVoicemail(accountId, number, caller, "call-" + caller + "@10.0.0.1", startedAt,
                Duration.ofMillis(7_300), wav, List.of(recipients)));
        running.server.voicemails().flush();
    }

    private JsonNode page(String query, String key) {
        Api.Response response = api.get("/v1/voicemails" + query, key);
        assertEquals(200, response.status(), query + " -> " + response.body());
        return response.json();
    }

    private static List<String> callers(JsonNode page) {
        List<String> callers = new ArrayList<>();
        page.get("items").forEach(item -> callers.add(item.get("caller").asText()));
        return callers;
    }

    private String idOf(String caller, String key) {
        for (JsonNode item : page("", key).get("items")) {
            if (item.get("caller").asText().equals(caller)) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("no voicemail from " + caller);
    }

    private void assertProblem(Api.Response response, int status, String field) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.header("Content-Type"));
        if (field != null) {
            assertEquals(field, response.json().get("field").asText(), response.body());
        }
    }

    private HttpResponse<byte[]> audio(String id, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.server.adminPort() + "/v1/voicemails/"
                + id + "/audio")).header("Authorization", "Bearer " + key).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void messagesAreListedNewestFirstPerAccountAndEachFilterNarrows() {
        leave(acmeId, ACME_NUMBER, "+79160000001", T0, wav(1));
        leave(acmeId, ACME_OTHER, "+79160000002", T0.plusSeconds(60), wav(2));
        leave(acmeId, ACME_NUMBER, "+79160000003", T0.plusSeconds(120), wav(3));
        leave(globexId, GLOBEX_NUMBER, "+79160000009", T0.plusSeconds(30), wav(9));

        assertEquals(List.of("+79160000003", "+79160000002", "+79160000001"), callers(page("", acme)));
        assertEquals(List.of("+79160000009"), callers(page("", globex)));
        JsonNode newest = page("", acme).get("items").get(0);
        assertEquals(ACME_NUMBER, newest.get("number").asText());
        assertEquals(7_300, newest.get("duration_ms").asInt());
        assertFalse(newest.get("heard").asBoolean());
        assertEquals("/v1/voicemails/" + newest.get("id").asText() + "/audio", newest.get("audio").asText());

        assertEquals(List.of("+79160000003", "+79160000001"), callers(page("?number=8%20(495)%20123-00-01", acme)));
        assertEquals(List.of("+79160000002"), callers(page("?caller=%2B79160000002", acme)));
        assertEquals(List.of("+79160000002"), callers(page("?from=" + T0.plusSeconds(60) + "&to=" + T0.plusSeconds(120), acme)));
        assertEquals(200, api.patch("/v1/voicemails/" + idOf("+79160000002", acme), acme, "{\"heard\":true}").status());
        assertEquals(List.of("+79160000002"), callers(page("?state=heard", acme)));
        assertEquals(List.of("+79160000003", "+79160000001"), callers(page("?state=new", acme)));

        JsonNode first = page("?limit=2", acme);
        assertEquals(List.of("+79160000003", "+79160000002"), callers(first));
        JsonNode second = page("?limit=2&cursor=" + first.get("next_cursor").asText(), acme);
        assertEquals(List.of("+79160000001"), callers(second));
        assertTrue(second.get("next_cursor").isNull());

        assertProblem(api.get("/v1/voicemails?state=unread", acme), 422, "state");
        assertProblem(api.get("/v1/voicemails?from=yesterday", acme), 422, "from");
        assertProblem(api.get("/v1/voicemails?number=12", acme), 422, "number");
        assertProblem(api.get("/v1/voicemails?cursor=bm9wZQ", acme), 422, "cursor");
        assertProblem(api.get("/v1/voicemails?heard=true", acme), 400, "heard");
        assertProblem(api.get("/v1/voicemails", op), 403, null);
    }

    @Test
    void theRecordingDownloadsAsTheStoredWavAndHeardAndDeleteAreAudited() {
        byte[] wav = wav(5);
        leave(acmeId, ACME_NUMBER, "+79160000005", T0, wav);
        String id = idOf("+79160000005", acme);

        HttpResponse<byte[]> download = audio(id, acme);
        assertEquals(200, download.statusCode());
        assertEquals("audio/wav", download.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(wav, download.body());

        Api.Response heard = api.patch("/v1/voicemails/" + id, acme, "{\"heard\":true}");
        assertEquals(200, heard.status(), heard.body());
        assertTrue(heard.json().get("heard").asBoolean());
        assertTrue(api.get("/v1/voicemails/" + id, acme).json().get("heard").asBoolean());
        assertProblem(api.patch("/v1/voicemails/" + id, acme, "{\"heard\":\"yes\"}"), 422, "heard");
        assertProblem(api.patch("/v1/voicemails/" + id, acme, "{\"heard\":true,\"caller\":\"x\"}"), 422, "caller");

        assertEquals(204, api.delete("/v1/voicemails/" + id, acme).status());
        assertProblem(api.get("/v1/voicemails/" + id, acme), 404, null);
        assertEquals(404, audio(id, acme).statusCode());

        JsonNode audit = api.get("/v1/audit-events?resource_type=voicemail&resource_id=" + id, acme).json().get("items");
        List<String> actions = new ArrayList<>();
        audit.forEach(event -> actions.add(event.get("action").asText()));
        assertTrue(actions.containsAll(List.of("voicemail.updated", "voicemail.deleted")), actions.toString());
    }

    @Test
    void anotherAccountsMessageIsNotFoundForEveryOperation() {
        leave(acmeId, ACME_NUMBER, "+79160000006", T0, wav(6));
        String id = idOf("+79160000006", acme);

        assertProblem(api.get("/v1/voicemails/" + id, globex), 404, null);
        assertEquals(404, audio(id, globex).statusCode());
        assertProblem(api.patch("/v1/voicemails/" + id, globex, "{\"heard\":true}"), 404, null);
        assertProblem(api.delete("/v1/voicemails/" + id, globex), 404, null);
        assertFalse(api.get("/v1/voicemails/" + id, acme).json().get("heard").asBoolean(), "untouched by the other account");
    }

    @Test
    void theMaintenanceDeletesMessagesOlderThanTheRetention() {
        leave(acmeId, ACME_NUMBER, "+79160000007", T0, wav(7));
        running.clock.advance(Duration.ofDays(29));
        leave(acmeId, ACME_NUMBER, "+79160000008", T0, wav(8));
        running.clock.advance(Duration.ofDays(2)); // the first is 31 days old, the second 2 (voicemail.retention=30d)

        running.server.admin().runMaintenance();

        assertEquals(List.of("+79160000008"), callers(page("", acme)));
    }

    @Test
    void fallbackRecipientsAreAddressesOrEmployeesOfTheAccount() {
        Api.Response anna = api.post("/v1/employees", acme, "{\"name\":\"Anna\",\"extension\":\"101\",\"sip_username\":\"anna-vm\","
                + "\"sip_password\":\"0123456789ab\",\"email\":\"anna@acme.example\"}");
        assertEquals(201, anna.status(), anna.body());
        assertEquals("anna@acme.example", anna.json().get("email").asText());
        String annaId = anna.json().get("id").asText();
        String borisId = api.post("/v1/employees", globex, "{\"name\":\"Boris\",\"extension\":\"101\",\"sip_username\":\"boris-vm\","
                + "\"sip_password\":\"0123456789ab\"}").json().get("id").asText();
        assertProblem(api.patch("/v1/employees/" + annaId, acme, "{\"email\":\"not an address\"}"), 422, "email");

        Api.Response set = api.patch("/v1/numbers/" + ACME_NUMBER, acme, "{\"fallback\":{\"type\":\"voicemail\",\"recipients\":"
                + "[\"sales@acme.example\",{\"employee_id\":\"" + annaId + "\"}]}}");
        assertEquals(200, set.status(), set.body());
        JsonNode recipients = api.get("/v1/numbers/" + ACME_NUMBER, acme).json().get("fallback").get("recipients");
        assertEquals("sales@acme.example", recipients.get(0).asText());
        assertEquals(annaId, recipients.get(1).get("employee_id").asText());

        assertProblem(api.patch("/v1/numbers/" + ACME_NUMBER, acme, "{\"fallback\":{\"type\":\"voicemail\",\"recipients\":"
                + "[\"sales@acme.example\",{\"employee_id\":\"" + borisId + "\"}]}}"), 422, "fallback.recipients[1]");
        assertProblem(api.patch("/v1/numbers/" + ACME_NUMBER, acme, "{\"fallback\":{\"type\":\"voicemail\",\"recipients\":"
                + "[\"sales at acme\"]}}"), 422, "fallback.recipients[0]");
        assertProblem(api.patch("/v1/numbers/" + ACME_NUMBER, acme, "{\"fallback\":{\"type\":\"voicemail\",\"recipients\":"
                + "[{\"employee\":\"" + annaId + "\"}]}}"), 422, "fallback.recipients[0].employee");
        assertProblem(api.post("/v1/numbers/bulk", acme, "{\"numbers\":[\"" + ACME_NUMBER + "\"],\"set\":{\"fallback\":{\"type\":"
                + "\"voicemail\",\"recipients\":[{\"employee_id\":\"no-such\"}]}}}"), 422, "set.fallback.recipients[0]");
    }

    @Test
    void withoutAnSmtpServerTheMailGoesToTheDevelopmentOutboxWithItsAttachment() {
        String annaId = api.post("/v1/employees", acme, "{\"name\":\"Anna\",\"extension\":\"101\",\"sip_username\":\"anna-out\","
                + "\"sip_password\":\"0123456789ab\",\"email\":\"anna@acme.example\"}").json().get("id").asText();
        byte[] wav = wav(10);
        leave(acmeId, ACME_NUMBER, "+79160000010", T0, wav, "sales@acme.example", "employee:" + annaId);

        running.server.admin().mailDelivery().runOnce();

        for (String to : List.of("sales@acme.example", "anna@acme.example")) {
            JsonNode items = api.get("/v1/dev/email-outbox?to=" + to, op).json().get("items");
            assertEquals(1, items.size(), to + ": " + items);
            JsonNode mail = items.get(0);
            assertEquals("Voicemail from +79160000010 to " + ACME_NUMBER, mail.get("subject").asText());
            assertTrue(mail.get("attachment").get("name").asText().endsWith(".wav"), mail.toString());
            assertEquals(wav.length, mail.get("attachment").get("size").asInt());
        }
    }
}
