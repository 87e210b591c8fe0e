package io.vpbx.sip.uas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.MediaConfig;
import io.vpbx.config.SipConfig;
import io.vpbx.config.VoicemailConfig;
import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.RtpPeer;
import io.vpbx.media.session.NettyMediaServer;
import io.vpbx.media.tone.Goertzel;
import io.vpbx.media.tone.Tones;
import io.vpbx.sip.SipServer;
import io.vpbx.sip.SipServices;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls vpbx answers itself, end to end on 127.0.0.1: SIPp is the caller, its SDP sends vpbx's RTP to a Java
 * {@link RtpPeer} (what the caller hears) which also speaks for the caller; the SIP server and the media server are
 * the real ones. What is heard is decoded and measured (Goertzel), and so is what a voicemail holds.
 */
class AnsweringCallTest {
    private static final String NUMBER = "+74951230001";
    /** An uploaded-style clip: one second of 1 kHz. */
    private static final AudioClip CLIP = new AudioClip("clip-1", Tones.sine(1000, 1000));
    private static final AudioClip LONG_CLIP = new AudioClip("clip-3s", Tones.sine(1000, 3000));
    private static final int TOLERANCE_MILLIS = 100;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<NewVoicemail> voicemails = new CopyOnWriteArrayList<>();
    private final List<CallRecord> records = new CopyOnWriteArrayList<>();
    private final RoutingTable routing = new RoutingTable();
    private final RtpPeer caller = RtpPeer.open();
    private NettyMediaServer media;
    private SipServer sip;

    @BeforeEach
    void start() {
        int first = 30000 + 2 * ThreadLocalRandom.current().nextInt(4000);
        media = new NettyMediaServer(new MediaConfig("127.0.0.1", "127.0.0.1", first, first + 39, 1 << 20,
                Duration.ofMinutes(5), 1 << 20), registry, Duration.ofSeconds(10), 2, Clock.systemUTC());
        Map<String, AudioClip> clips = Map.of(CLIP.id(), CLIP, LONG_CLIP.id(), LONG_CLIP);
        AnswerServices answering = new AnswerServices(media, (account, id) -> "slow".equals(id)
                ? CompletableFuture.supplyAsync(() -> Optional.of(CLIP), CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS))
                : CompletableFuture.completedFuture(Optional.ofNullable(clips.get(id))),
                voicemails::add, new VoicemailConfig(Duration.ofSeconds(20), Duration.ofMillis(1500),
                        Duration.ofMillis(500), Duration.ofDays(30)), Tones.greeting(), Tones.beep());
        routing.put(new TrunkEntry("carrier", "127.0.0.1", null));
        SipServices standalone = SipServices.standalone(Optional.empty());
        sip = new SipServer(new SipConfig("127.0.0.1", 0, true, false, "vpbx.test", 65_535, 100, 10_000, 10_000, 100,
                10_000, ""), registry, new SipServices(routing, Optional.empty(), employee -> List.of(),
                standalone.credentials(), standalone.authenticator(), standalone.accountOfEmployee(), records::add,
                answering, Clock.systemUTC()));
        sip.start();
    }

    @AfterEach
    void stop() {
        sip.close();
        media.close();
        caller.close();
    }

    private void fallback(Fallback fallback) {
        routing.put(new RouteEntry(NUMBER, "acme", true, true, "active", new Target.Employee("nobody"), 20, fallback));
    }

    private SippCaller.Result call(String scenario) {
        SippCaller.Result result = SippCaller.scenario(scenario).key("rtp_port", Integer.toString(caller.address().getPort()))
                .run(sip.udpPort(), NUMBER);
        assertTrue(result.passed(), result.logs());
        return result;
    }

    /** What the caller heard, decoded (PCMU, the codec of the scenarios' offers). */
    private short[] heard() {
        List<RtpPeer.Packet> packets = caller.receiveUntilQuiet(Duration.ofMillis(300), Duration.ofSeconds(10)).stream()
                .filter(packet -> packet.payloadType() == Codec.PCMU.payloadType()).toList();
        return RtpPeer.decode(packets, Codec.PCMU);
    }

    private static long millis(short[] samples) {
        return samples.length * 1000L / Codec.CLOCK_RATE;
    }

    private static void assertTone(short[] samples, double frequency, long expectedMillis) {
        assertTrue(Goertzel.share(samples, 0, samples.length, frequency, Codec.CLOCK_RATE) > 0.8,
                "mostly " + frequency + " Hz");
        assertEquals(expectedMillis, millis(samples), TOLERANCE_MILLIS, "length in ms");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theCallerHearsTheVoiceMessageThenVpbxHangsUp() {
        fallback(new Fallback.VoiceMessage(CLIP.id()));

        call("answered-until-bye");

        assertTone(heard(), 1000, 1000);
        await(() -> records.size() == 1, "the call record");
        CallRecord record = records.get(0);
        assertEquals(CallRecord.Result.ANSWERED, record.result());
        assertEquals("voice_message", record.fallback());
        assertTrue(Duration.between(record.answeredAt(), record.endedAt()).toMillis() >= 1000 - TOLERANCE_MILLIS);
        assertEquals(1.0, registry.get("vpbx.sip.answered.locally").tag("kind", "voice_message").counter().count());
        await(() -> media.activeSessions() == 0, "the session closed");
    }

    @Test
    void twoTimesPlaysTheClipTwice() {
        fallback(new Fallback.VoiceMessage(CLIP.id(), 2, false, 480));

        call("answered-until-bye");

        assertTone(heard(), 1000, 2000);
    }

    @Test
    void earlyMediaPlaysIn183ThenRejectsWithoutA200() {
        fallback(new Fallback.VoiceMessage(CLIP.id(), 1, true, 486));

        SippCaller.Result result = call("early-media");

        assertTone(heard(), 1000, 1000);
        assertTrue(!result.logs().contains("SIP/2.0 200 OK"), "no 200 to the INVITE");
        await(() -> records.size() == 1, "the call record");
        assertEquals(486, records.get(0).finalCode());
        assertEquals(null, records.get(0).answeredAt());
    }

    @Test
    void anInviteWithoutSdpGetsAnOfferAndTheAnswerInTheAckMakesMediaFlow() {
        fallback(new Fallback.VoiceMessage(CLIP.id()));

        call("no-sdp-offer");

        assertTone(heard(), 1000, 1000);
    }

    @Test
    void anOfferWithOnlyG729Gets488WithAWarning() {
        fallback(new Fallback.VoiceMessage(CLIP.id()));

        call("only-g729");

        assertEquals(1.0, registry.get("vpbx.sip.answered.locally.refused").tag("status", "488").counter().count());
        assertEquals(0, media.activeSessions());
    }

    @Test
    void holdIsAnsweredRecvonlyAndResumeSendrecv() {
        fallback(new Fallback.VoiceMessage(LONG_CLIP.id()));

        // the scenario checks the answers: a=recvonly to the hold, a=sendrecv to the resumption
        call("hold-resume");

        assertTone(heard(), 1000, 3000);
    }

    @Test
    void aCancelBeforeTheAnswerGets487() {
        fallback(new Fallback.VoiceMessage("slow"));

        call("cancel");

        await(() -> records.size() == 1, "the call record");
        assertEquals(CallRecord.Result.CANCELLED, records.get(0).result());
        assertEquals(487, records.get(0).finalCode());
        try {
            Thread.sleep(2500); // the clip arrives after the CANCEL: no session may open for the dead call
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(0, media.activeSessions());
    }

    @Test
    void byesAndReInvitesForUnknownDialogsGet481AndCallsGoOn() {
        fallback(new Fallback.VoiceMessage(CLIP.id()));

        SippCaller.Result flood = SippCaller.scenario("unknown-dialogs").calls(200).run(sip.udpPort(), NUMBER);
        assertTrue(flood.passed(), flood.logs());

        call("answered-until-bye");
        assertTone(heard(), 1000, 1000);
    }

    @Test
    void voicemailGreetsBeepsAndRecordsTheCallerUntilHash() throws Exception {
        fallback(new Fallback.Voicemail(List.of("boss@acme.example"), null));
        CompletableFuture<SippCaller.Result> sipp = SippCaller.scenario("answered-until-bye")
                .key("rtp_port", Integer.toString(caller.address().getPort())).start(sip.udpPort(), NUMBER);

        List<RtpPeer.Packet> prompt = caller.receiveUntilQuiet(Duration.ofMillis(400), Duration.ofSeconds(15));
        assertTrue(prompt.size() > 50, "greeting and beep heard: " + prompt.size() + " packets");
        short[] heard = RtpPeer.decode(prompt, Codec.PCMU);
        int beep = Codec.CLOCK_RATE * 400 / 1000;
        assertTrue(Goertzel.share(heard, heard.length - beep, beep, Tones.BEEP_HZ, Codec.CLOCK_RATE) > 0.8, "the beep last");
        assertTrue(Goertzel.share(heard, 0, Codec.CLOCK_RATE / 4, Tones.GREETING_HZ[0], Codec.CLOCK_RATE) > 0.5,
                "the greeting first");
        speak(prompt.get(0), Tones.sine(440, 2000), true);

        SippCaller.Result result = sipp.get(30, TimeUnit.SECONDS);
        assertTrue(result.passed(), result.logs());
        await(() -> voicemails.size() == 1, "the voicemail");
        NewVoicemail voicemail = voicemails.get(0);
        assertEquals(NUMBER, voicemail.calledNumber());
        assertEquals(List.of("boss@acme.example"), voicemail.recipients());
        assertTone(wavSamples(voicemail.wav()), 440, 2000);
        assertEquals(1.0, registry.get("vpbx.voicemail.recorded").tag("ended", "hash").counter().count());
    }

    @Test
    void silenceEndsTheRecording() throws Exception {
        fallback(new Fallback.Voicemail(List.of("boss@acme.example"), null));
        CompletableFuture<SippCaller.Result> sipp = SippCaller.scenario("answered-until-bye")
                .key("rtp_port", Integer.toString(caller.address().getPort())).start(sip.udpPort(), NUMBER);
        List<RtpPeer.Packet> prompt = caller.receiveUntilQuiet(Duration.ofMillis(400), Duration.ofSeconds(15));
        assertTrue(prompt.size() > 50, "greeting and beep heard");

        short[] speech = Tones.sine(440, 1000);
        short[] then = new short[speech.length + Codec.CLOCK_RATE * 3];
        System.arraycopy(speech, 0, then, 0, speech.length);
        speak(prompt.get(0), then, false);

        SippCaller.Result result = sipp.get(30, TimeUnit.SECONDS);
        assertTrue(result.passed(), result.logs());
        await(() -> voicemails.size() == 1, "the voicemail");
        short[] recorded = wavSamples(voicemails.get(0).wav());
        assertTrue(Goertzel.share(recorded, 0, speech.length, 440, Codec.CLOCK_RATE) > 0.8, "the caller's tone first");
        assertEquals(1.0, registry.get("vpbx.voicemail.recorded").tag("ended", "silence").counter().count());
    }

    @Test
    void aByeDuringTheGreetingLeavesNoMessageAndReleasesThePorts() {
        fallback(new Fallback.Voicemail(List.of("boss@acme.example"), null));

        SippCaller.Result result = SippCaller.scenario("caller-hangs-up")
                .key("rtp_port", Integer.toString(caller.address().getPort()))
                .run(sip.udpPort(), NUMBER);

        assertTrue(result.passed(), result.logs());
        await(() -> media.activeSessions() == 0, "the session closed");
        await(() -> records.size() == 1, "the call record");
        assertEquals(List.of(), voicemails);
        assertEquals("voicemail", records.get(0).fallback());
    }

    /**
     * The caller speaks {@code samples} to where vpbx's RTP came from, paced at 20 ms a packet, then presses # if
     * asked.
     */
    private void speak(RtpPeer.Packet from, short[] samples, boolean hash) throws InterruptedException {
        int ssrc = 0x1234;
        List<byte[]> packets = RtpPeer.voice(Codec.PCMU, samples, 1, 0, ssrc);
        long next = System.nanoTime();
        for (byte[] packet : packets) {
            caller.sendRaw(packet, from.from());
            next += 20_000_000;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        if (hash) {
            for (byte[] packet : RtpPeer.digit(101, 11, 1 + packets.size(), samples.length, ssrc, true)) {
                caller.sendRaw(packet, from.from());
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    private static short[] wavSamples(byte[] wav) {
        ByteBuffer data = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[(wav.length - 44) / 2];
        data.asShortBuffer().get(samples);
        return samples;
    }
}
