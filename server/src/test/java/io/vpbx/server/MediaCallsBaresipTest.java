package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vpbx.media.tone.Goertzel;
import io.vpbx.server.baresip.BaresipCaller;
import io.vpbx.telephony.audio.WavWriter;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person calling a number hears and leaves, end to end with real parts: baresip (a real phone speaking a WAV
 * file and recording what it hears) calls vpbx from 127.0.0.1 through the carrier's trunk; the number has no
 * forwarding, so its fallback answers. A voice message uploaded as 44.1 kHz audio is heard by the caller; a
 * voicemail holds what the caller said and reaches its recipient through a real SMTP server (GreenMail).
 */
class MediaCallsBaresipTest {
    private static final String DID = "+74951230001";
    private static final int PHONE_RATE = 8000;

    @TempDir
    Path dataDir;
    @TempDir
    Path phoneHome;
    private GreenMail smtp;
    private RunningServer running;
    private Api api;
    private String acme;

    @BeforeEach
    void start() {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        running = new RunningServer("h2", dataDir, "--mail.host=127.0.0.1", "--mail.port=" + smtpPort,
                "--mail.security=none", "--media.host=127.0.0.1", "--media.rtp-ports=27400-27499");
        api = running.api;
        acme = RegistrationFixtures.account(api);
        CallFixtures fixtures = new CallFixtures(running, acme);
        fixtures.carrier();
        fixtures.activate(DID, "9204 000011");
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        smtp.stop();
    }

    @Test
    void theCallerHearsTheUploadedVoiceMessageThenVpbxHangsUp() throws Exception {
        // uploaded as a user would record it: 44.1 kHz stereo; the library converts it to 8 kHz mono
        Api.Response uploaded = api.exactly("POST", "/v1/media?name=closed", acme,
                HttpRequest.BodyPublishers.ofByteArray(Wavs.tone(44_100, 2, 1.5, 1000)), Map.of("Content-Type", "audio/wav"));
        assertEquals(201, uploaded.status(), uploaded.body());
        String media = uploaded.json().get("id").asText();
        CallFixtures.ok(200, api.patch("/v1/numbers/" + DID, acme,
                "{\"fallback\":{\"type\":\"voice_message\",\"media_id\":\"" + media + "\"}}"));

        BaresipCaller.Call call = new BaresipCaller(phoneHome).call(uri(), voice(8.0, 0, 0), "PCMU", Duration.ofSeconds(15));

        assertTrue(call.hungUpByFarEnd(), "vpbx ends the call after the message:\n" + call.log());
        short[] heard = Wavs.samples(Files.readAllBytes(call.heard().orElseThrow(() -> new AssertionError(call.log()))));
        long toneMillis = toneMillis(heard, 1000);
        assertTrue(Math.abs(toneMillis - 1500) <= 100, "heard 1 kHz for " + toneMillis + " ms, uploaded 1500 ms");
        JsonNode record = onlyCallRecord();
        assertEquals("voice_message", record.get("fallback").asText(), record.toString());
    }

    @Test
    void whatTheCallerSaysAfterTheBeepIsStoredAndMailedToTheRecipient() throws Exception {
        CallFixtures.ok(200, api.patch("/v1/numbers/" + DID, acme,
                "{\"fallback\":{\"type\":\"voicemail\",\"recipients\":[\"boss@acme.example\"]}}"));

        // 4 s of silence while the built-in greeting and the beep play, then 3 s of 440 Hz, then the caller hangs up
        BaresipCaller.Call call = new BaresipCaller(phoneHome).call(uri(), voice(4.0, 3.0, 0.5), "PCMA", Duration.ofSeconds(20));
        assertFalse(call.hungUpByFarEnd(), "the caller hung up when done:\n" + call.log());
        short[] heard = Wavs.samples(Files.readAllBytes(call.heard().orElseThrow(() -> new AssertionError(call.log()))));
        assertTrue(toneMillis(heard, 1000) >= 200, "the caller heard the beep");

        JsonNode message = waitForVoicemail();
        assertEquals(DID, message.get("number").asText(), message.toString());
        HttpResponse<byte[]> audio = api.download("/v1/voicemails/" + message.get("id").asText() + "/audio", acme);
        assertEquals(200, audio.statusCode());
        short[] recorded = Wavs.samples(audio.body());
        long spoken = toneMillis(recorded, 440);
        assertTrue(Math.abs(spoken - 3000) <= 100, "the recording holds 440 Hz for " + spoken + " ms, the caller said 3000 ms");

        assertTrue(smtp.waitForIncomingEmail(15_000, 1), "the recipient's mail arrives");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("boss@acme.example", mail.getAllRecipients()[0].toString());
        byte[] attached = wavAttachment((Multipart) mail.getContent());
        assertEquals(440, dominant(Wavs.samples(attached), 440, 1000), "the attachment is the caller's message");
    }

    @Test
    void aNumberForwardedToAScenarioPlaysItsStepsThroughTheRoutingTable() throws Exception {
        String hello = upload("hello", 800, 1.0);
        String menu = upload("menu", 1200, 0.6);
        // play the greeting, then a menu nobody answers: after one try the scenario hangs up (BYE)
        Api.Response created = api.post("/v1/scenarios", acme, """
                {"name":"Front desk","start":"hello","steps":{
                  "hello":{"type":"play","media":"%s","next":"main"},
                  "main":{"type":"menu","prompt":"%s","options":{"1":"bye"},"timeout":1,"retries":1},
                  "bye":{"type":"hangup","code":480}}}""".formatted(hello, menu));
        assertEquals(201, created.status(), created.body());
        CallFixtures.ok(200, api.patch("/v1/numbers/" + DID, acme, "{\"forwarding\":{\"target\":{\"type\":\"scenario\","
                + "\"scenario_id\":\"" + created.json().get("id").asText() + "\"},\"ring_timeout\":20}}"));

        BaresipCaller.Call call = new BaresipCaller(phoneHome).call(uri(), voice(10.0, 0, 0), "PCMU", Duration.ofSeconds(15));

        assertTrue(call.hungUpByFarEnd(), "the scenario ends the call:\n" + call.log());
        short[] heard = Wavs.samples(Files.readAllBytes(call.heard().orElseThrow(() -> new AssertionError(call.log()))));
        long greeting = toneMillis(heard, 800);
        long prompt = toneMillis(heard, 1200);
        assertTrue(Math.abs(greeting - 1000) <= 100, "heard the greeting for " + greeting + " ms");
        assertTrue(Math.abs(prompt - 600) <= 100, "heard the menu prompt once for " + prompt + " ms");
    }

    private String upload(String name, double hz, double seconds) {
        Api.Response uploaded = api.exactly("POST", "/v1/media?name=" + name, acme,
                HttpRequest.BodyPublishers.ofByteArray(Wavs.tone(16_000, 1, seconds, hz)), Map.of("Content-Type", "audio/wav"));
        assertEquals(201, uploaded.status(), uploaded.body());
        return uploaded.json().get("id").asText();
    }

    /** The frequency among the two that holds more of the samples' energy. */
    private static int dominant(short[] samples, int a, int b) {
        return Wavs.amplitude(samples, PHONE_RATE, a) > Wavs.amplitude(samples, PHONE_RATE, b) ? a : b;
    }

    private static byte[] wavAttachment(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.isMimeType("audio/*")) {
                assertTrue(part.isMimeType("audio/wav"), part.getContentType());
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no WAV attached");
    }

    private JsonNode waitForVoicemail() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = get("/v1/voicemails").json().get("items");
            if (items.size() > 0) {
                assertEquals(1, items.size(), items.toString());
                return items.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no voicemail stored");
    }

    private JsonNode onlyCallRecord() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = get("/v1/cdrs").json().get("items");
            if (items.size() > 0) {
                return items.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no call record");
    }

    private Api.Response get(String path) {
        Api.Response response = api.get(path, acme);
        assertEquals(200, response.status(), response.body());
        return response;
    }

    private String uri() {
        return "sip:" + DID + "@127.0.0.1:" + running.server.sip().udpPort();
    }

    /** What the caller says: silence, a 440 Hz tone, silence (8 kHz mono WAV, as baresip's aufile reads it). */
    private Path voice(double silenceBefore, double toneSeconds, double silenceAfter) throws IOException {
        int before = (int) (PHONE_RATE * silenceBefore);
        int tone = (int) (PHONE_RATE * toneSeconds);
        short[] samples = new short[before + tone + (int) (PHONE_RATE * silenceAfter)];
        for (int i = 0; i < tone; i++) {
            samples[before + i] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * 440 * i / PHONE_RATE));
        }
        Path file = phoneHome.resolve("voice.wav");
        Files.write(file, WavWriter.mono16(samples, PHONE_RATE));
        return file;
    }

    /** How long {@code hz} dominates the audio, counted in 20 ms blocks that are loud enough and mostly that tone. */
    private static long toneMillis(short[] samples, double hz) {
        int block = PHONE_RATE / 50;
        long blocks = 0;
        for (int at = 0; at + block <= samples.length; at += block) {
            double energy = 0;
            for (int i = at; i < at + block; i++) {
                energy += (double) samples[i] * samples[i];
            }
            if (Math.sqrt(energy / block) > 500 && Goertzel.share(samples, at, block, hz, PHONE_RATE) > 0.6) {
                blocks++;
            }
        }
        return blocks * 20;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
