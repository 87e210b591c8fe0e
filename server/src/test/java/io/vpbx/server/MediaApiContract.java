package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.media.AudioClip;
import io.vpbx.telephony.audio.SampleEncoding;
import io.vpbx.telephony.audio.WavFile;
import io.vpbx.telephony.audio.WavReader;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The media library over HTTP against a whole server: uploads (multipart and raw WAV) converted to 8 kHz mono,
 * refusals naming the field, tenants apart, clips in use by a fallback kept, fallbacks naming only the account's
 * clips, every change audited, and the node's clip cache following deletes. Run on H2 and on PostgreSQL by
 * {@link MediaApiH2Test} and {@link MediaApiPostgresTest}.
 */
abstract class MediaApiContract extends WholeServerContract {
    private static final long MAX_UPLOAD = 400 * 1024;
    private static final String NUMBER = "+74951230001";

    String acme;
    String acmeId;
    String globex;

    MediaApiContract(String kind) {
        super(kind);
    }

    @Override
    String[] flags() {
        return new String[] {"--media.max-upload-size=400k", "--media.max-clip-length=5s"};
    }

    @BeforeEach
    void accounts() {
        Api.Response created = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}");
        acme = created.json().get("api_key").asText();
        acmeId = created.json().get("id").asText();
        globex = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}").json().get("api_key").asText();
    }

    private Api.Response multipart(String key, Multipart form) {
        return api.exactly("POST", "/v1/media", key, HttpRequest.BodyPublishers.ofByteArray(form.bytes()), form.headers());
    }

    private Api.Response raw(String key, String query, String type, byte[] wav) {
        return api.exactly("POST", "/v1/media" + query, key, HttpRequest.BodyPublishers.ofByteArray(wav), Map.of("Content-Type", type));
    }

    private String upload(String key, String name) {
        Api.Response created = multipart(key, new Multipart().field("name", name)
                .file("file", "clip.wav", "audio/wav", Wavs.tone(16_000, 1, 1.0, 500)));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private static void assertProblem(int status, String field, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals(field, response.json().path("field").asText(null), response.body());
    }

    private void buyNumber() {
        assertEquals(201, api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}").status());
        assertEquals(201, api.post("/v1/reservations", acme, "{\"numbers\":[\"" + NUMBER + "\"]}").status());
        assertEquals(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + NUMBER + "\"]}",
                Map.of("Idempotency-Key", "buy-1")).status());
    }

    @Test
    void aStereo44kUploadIsConvertedTo8kHzMonoKeepingItsToneAndLength() {
        Api.Response created = multipart(acme, new Multipart().field("name", "Welcome")
                .file("file", "welcome.wav", "audio/x-wav", Wavs.tone(44_100, 2, 2.0, 1000)));
        assertEquals(201, created.status(), created.body());
        JsonNode clip = created.json();
        String id = clip.get("id").asText();
        assertEquals("Welcome", clip.get("name").asText());
        assertEquals(2000, clip.get("duration_ms").asLong(), 100);
        assertEquals("pcm_s16", clip.get("original").get("format").asText());
        assertEquals(44_100, clip.get("original").get("sample_rate").asInt());
        assertEquals(2, clip.get("original").get("channels").asInt());
        assertEquals(8000, clip.get("audio").get("sample_rate").asInt());
        assertEquals(clip, api.get("/v1/media/" + id, acme).json());

        HttpResponse<byte[]> audio = api.download("/v1/media/" + id + "/audio", acme);
        assertEquals(200, audio.statusCode());
        assertEquals("audio/wav", audio.headers().firstValue("Content-Type").orElse(null));
        WavFile wav = WavReader.read(audio.body());
        assertEquals(8000, wav.sampleRate());
        assertEquals(1, wav.channels());
        assertEquals(SampleEncoding.PCM_S16, wav.encoding());
        assertEquals(2000, wav.duration().toMillis(), 100);
        short[] samples = Wavs.samples(audio.body());
        short[] middle = Arrays.copyOfRange(samples, 800, samples.length - 800);
        double tone = Wavs.amplitude(middle, 8000, 1000);
        assertEquals(16_000, tone, 1_600, "the 1 kHz tone at the level it was recorded");
        assertTrue(Wavs.amplitude(middle, 8000, 1500) < tone / 100, "and nothing else");
    }

    @Test
    void aRawWavBodyIsUploadedWithItsNameInTheQueryAndTheLibraryPages() {
        Api.Response created = raw(acme, "?name=Hold%20music", "audio/wav", Wavs.tone(16_000, 1, 1.5, 700));
        assertEquals(201, created.status(), created.body());
        assertEquals("Hold music", created.json().get("name").asText());
        assertEquals(1500, created.json().get("duration_ms").asLong(), 100);
        assertEquals(201, raw(acme, "", "audio/x-wav", Wavs.tone(8_000, 1, 0.5, 700)).status(), "audio/x-wav, unnamed");
        assertEquals(201, raw(acme, "?name=c", "audio/wave", Wavs.tone(8_000, 1, 0.5, 700)).status());
        String fromFileName = multipart(acme, new Multipart().file("file", "greeting.wav", "application/octet-stream",
                Wavs.tone(8_000, 1, 0.5, 700))).json().get("name").asText();
        assertEquals("greeting", fromFileName, "without a name, the file's name");

        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            Api.Response page = api.get("/v1/media?limit=3" + cursor, acme);
            assertEquals(200, page.status(), page.body());
            page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
            JsonNode next = page.json().get("next_cursor");
            cursor = next.isNull() ? null : "&cursor=" + next.asText();
        } while (cursor != null);
        assertEquals(4, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(0, api.get("/v1/media", globex).json().get("items").size(), "another account's library is its own");
    }

    @Test
    void uploadsOverTheSizeLimitAreRefusedWith413NamingTheFile() {
        byte[] big = Wavs.tone(44_100, 2, 3.0, 440); // 529 KB
        assertTrue(big.length > MAX_UPLOAD);
        assertProblem(413, "file", raw(acme, "?name=big", "audio/wav", big));
        assertProblem(413, "file", multipart(acme, new Multipart().file("file", "big.wav", "audio/wav", big)));
        Api.Response chunked = api.exactly("POST", "/v1/media", acme,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), Map.of("Content-Type", "audio/wav"));
        assertProblem(413, "file", chunked);
        byte[] justOver = Arrays.copyOf(Wavs.tone(8_000, 1, 1.0, 440), (int) MAX_UPLOAD + 10);
        assertProblem(413, "file", raw(acme, "", "audio/wav", justOver));
        assertEquals(0, api.get("/v1/media", acme).json().get("items").size());
    }

    @Test
    void whatIsNoWavIsRefusedWith415AndBrokenWavWith422NamingTheField() {
        assertProblem(415, "Content-Type", api.exactly("POST", "/v1/media", acme,
                HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"), Map.of("Content-Type", "application/json")));
        assertProblem(415, "file", raw(acme, "", "audio/wav", "ID3\u0003 an mp3 file".getBytes(StandardCharsets.ISO_8859_1)));
        assertProblem(415, "file", multipart(acme, new Multipart().file("file", "notes.txt", "text/plain",
                "these are no samples".getBytes(StandardCharsets.UTF_8))));

        byte[] wav = Wavs.tone(16_000, 1, 1.0, 440);
        assertProblem(422, "file", raw(acme, "", "audio/wav", Arrays.copyOf(wav, wav.length / 2)));
        assertProblem(422, "file", raw(acme, "", "audio/wav", new byte[0]));
        assertProblem(422, "file", raw(acme, "", "audio/wav", Wavs.file(1, 1, 8000, 16, new byte[0])));
        assertProblem(422, "file", raw(acme, "", "audio/wav", Wavs.file(2, 1, 8000, 4, new byte[400])));
        Api.Response tooLong = raw(acme, "", "audio/wav", Wavs.tone(8_000, 1, 6.0, 440));
        assertProblem(422, "file", tooLong);
        assertTrue(tooLong.json().get("detail").asText().contains("6.0 s"), tooLong.body());
        assertProblem(422, "file", multipart(acme, new Multipart().field("name", "nothing attached")));

        assertProblem(422, "name", multipart(acme, new Multipart().field("name", "bell\u0007")
                .file("file", "a.wav", "audio/wav", wav)));
        assertProblem(422, "name", raw(acme, "?name=" + "x".repeat(201), "audio/wav", wav));
        assertProblem(422, "name", multipart(acme, new Multipart().field("name", "  ").file("file", "a.wav", "audio/wav", wav)));
        assertProblem(400, "title", raw(acme, "?title=x", "audio/wav", wav));
        assertEquals(0, api.get("/v1/media", acme).json().get("items").size(), "nothing was stored");

        Api.Response operator = raw(op, "?name=x", "audio/wav", wav);
        assertEquals(403, operator.status(), "the operator has no library of its own: " + operator.body());
    }

    @Test
    void anotherAccountsClipIsNotFound() {
        String id = upload(acme, "Acme greeting");
        assertEquals(404, api.get("/v1/media/" + id, globex).status());
        assertEquals(404, api.download("/v1/media/" + id + "/audio", globex).statusCode());
        assertEquals(404, api.delete("/v1/media/" + id, globex).status());
        assertEquals(200, api.get("/v1/media/" + id, acme).status(), "still there");
        assertEquals(404, api.get("/v1/media/no-such-id", acme).status());
    }

    @Test
    void aClipPlayedByAFallbackCannotBeDeletedUntilTheFallbackChanges() {
        buyNumber();
        String message = upload(acme, "Closed");
        String greeting = upload(acme, "Leave a message");
        Api.Response set = api.patch("/v1/numbers/" + NUMBER, acme, "{\"fallback\":{\"type\":\"voice_message\",\"media_id\":\""
                + message + "\",\"times\":2,\"early_media\":true,\"reject_code\":486}}");
        assertEquals(200, set.status(), set.body());

        Api.Response refused = api.delete("/v1/media/" + message, acme);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertTrue(refused.json().get("errors").toString().contains(NUMBER), refused.body());

        assertEquals(200, api.patch("/v1/numbers/" + NUMBER, acme, "{\"fallback\":{\"type\":\"voicemail\","
                + "\"recipients\":[\"sales@acme.example\"],\"greeting_media_id\":\"" + greeting + "\"}}").status());
        assertEquals(409, api.delete("/v1/media/" + greeting, acme).status(), "a greeting is in use too");
        assertEquals(204, api.delete("/v1/media/" + message, acme).status(), "the voice message is free now");

        assertEquals(200, api.patch("/v1/numbers/" + NUMBER, acme, "{\"fallback\":{\"type\":\"hang_up\",\"sip_code\":486}}").status());
        assertEquals(204, api.delete("/v1/media/" + greeting, acme).status());
        assertEquals(404, api.get("/v1/media/" + greeting, acme).status());
    }

    @Test
    void aFallbackMustNameAClipOfTheAccountsOwnLibrary() {
        buyNumber();
        String theirs = upload(globex, "Globex greeting");
        assertProblem(422, "fallback.media_id", api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"fallback\":{\"type\":\"voice_message\",\"media_id\":\"no-such-clip\"}}"));
        Api.Response foreign = api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"fallback\":{\"type\":\"voice_message\",\"media_id\":\"" + theirs + "\"}}");
        assertProblem(422, "fallback.media_id", foreign);
        assertTrue(foreign.json().get("detail").asText().contains("no media"), "told as if it did not exist: " + foreign.body());
        assertProblem(422, "fallback.greeting_media_id", api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"fallback\":{\"type\":\"voicemail\",\"recipients\":[\"a@acme.example\"],\"greeting_media_id\":\"" + theirs + "\"}}"));
        assertEquals(200, api.patch("/v1/numbers/" + NUMBER, acme,
                "{\"fallback\":{\"type\":\"voicemail\",\"recipients\":[\"a@acme.example\"]}}").status(), "no greeting is fine");

        String bulk = "{\"numbers\":[\"" + NUMBER + "\"],\"set\":{\"fallback\":{\"type\":\"voice_message\",\"media_id\":\"" + theirs + "\"}}}";
        assertProblem(422, "set.fallback.media_id", api.post("/v1/numbers/bulk?dry_run=true", acme, bulk));
        assertProblem(422, "set.fallback.media_id", api.post("/v1/numbers/bulk", acme, bulk));
        assertEquals("voicemail", api.get("/v1/numbers/" + NUMBER, acme).json().get("fallback").get("type").asText());

        String ours = upload(acme, "Ours");
        Api.Response applied = api.post("/v1/numbers/bulk", acme, bulk.replace(theirs, ours));
        assertEquals(200, applied.status(), applied.body());
        assertEquals(ours, api.get("/v1/numbers/" + NUMBER, acme).json().get("fallback").get("media_id").asText());
    }

    @Test
    void uploadsAndDeletesAreAudited() {
        String id = upload(acme, "Audited");
        assertEquals(204, api.delete("/v1/media/" + id, acme).status());
        Api.Response events = api.get("/v1/audit-events?resource_type=media&resource_id=" + id, acme);
        assertEquals(200, events.status(), events.body());
        List<String> actions = new ArrayList<>();
        events.json().get("items").forEach(event -> actions.add(event.get("action").asText()));
        assertEquals(List.of("media.created", "media.deleted").stream().sorted().toList(), actions.stream().sorted().toList());
        JsonNode created = null;
        for (JsonNode event : events.json().get("items")) {
            if (event.get("action").asText().equals("media.created")) {
                created = event;
            }
        }
        assertTrue(created.toString().contains("Audited") && created.toString().contains("duration_ms"), created.toString());
        assertTrue(created.get("actor").asText().startsWith("account/" + acmeId), created.toString());
    }

    @Test
    void theNodesClipCacheServesAnUploadAndForgetsItOnDelete() {
        String id = upload(acme, "Cached");
        Optional<AudioClip> clip = running.server.clips().clip(acmeId, id).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        assertArrayEquals(Wavs.samples(api.download("/v1/media/" + id + "/audio", acme).body()), clip.orElseThrow().samples());
        assertEquals(204, api.delete("/v1/media/" + id, acme).status());
        assertTrue(running.server.clips().clip(acmeId, id).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join().isEmpty(),
                "the cached clip went with its media");
    }
}
