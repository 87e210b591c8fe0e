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
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios on real calls over 127.0.0.1: SIPp is the caller and its SDP sends vpbx's RTP to a Java {@link RtpPeer},
 * which hears the prompts (each a tone of its own, told apart with Goertzel) and presses keys as RFC 4733
 * telephone-events; the SIP server, the media server and the voicemail path are the real ones. The schedule lookup
 * is a stand-in answering "closed" (the schedules themselves are evaluated and tested on their own).
 */
class ScenarioCallTest {
    private static final String NUMBER = "+74951230001";
    private static final int EVENT_TYPE = 101;
    private static final AudioClip MENU = new AudioClip("menu", Tones.sine(1000, 600));
    private static final AudioClip LONG_MENU = new AudioClip("long-menu", Tones.sine(1000, 3000));
    private static final AudioClip SALES = new AudioClip("sales", Tones.sine(700, 600));
    private static final AudioClip INVALID = new AudioClip("invalid", Tones.sine(400, 600));
    private static final AudioClip NO_INPUT = new AudioClip("noinput", Tones.sine(1500, 600));
    private static final AudioClip HOURS = new AudioClip("hours", Tones.sine(1200, 600));
    private static final AudioClip AFTER_HOURS = new AudioClip("after-hours", Tones.sine(800, 600));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<NewVoicemail> voicemails = new CopyOnWriteArrayList<>();
    private final List<CallRecord> records = new CopyOnWriteArrayList<>();
    private final RoutingTable routing = new RoutingTable();
    private final RtpPeer caller = RtpPeer.open();
    private NettyMediaServer media;
    private SipServer sip;
    /** The answering services of the SIP server: the simulation of a call uses the same. */
    private AnswerServices answering;
    private int sequence = 1;
    private int timestamp;

    @BeforeEach
    void start() {
        int first = 30000 + 2 * ThreadLocalRandom.current().nextInt(4000);
        media = new NettyMediaServer(new MediaConfig("127.0.0.1", "127.0.0.1", first, first + 39, 1 << 20,
                Duration.ofMinutes(5), 1 << 20), registry, Duration.ofSeconds(10), 2, Clock.systemUTC());
        Map<String, AudioClip> clips = Stream.of(MENU, LONG_MENU, SALES, INVALID, NO_INPUT, HOURS, AFTER_HOURS)
                .collect(Collectors.toMap(AudioClip::id, Function.identity()));
        answering = new AnswerServices(media,
                (account, id) -> CompletableFuture.completedFuture(Optional.ofNullable(clips.get(id))), voicemails::add,
                new VoicemailConfig(Duration.ofSeconds(20), Duration.ofMillis(1500), Duration.ofMillis(500),
                        Duration.ofDays(30)), Tones.greeting(), Tones.beep(),
                new ScenarioServices((schedule, at) -> false, (account, extension) -> Optional.empty()));
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

    private void scenario(String start, Map<String, Step> steps) {
        routing.putScenario(new Scenario("ivr", "acme", 1, "Main", start, steps));
        routing.put(new RouteEntry(NUMBER, "acme", true, true, "active", new Target.Scenario("ivr"), 20, null));
    }

    /** A menu: 1 plays the sales clip, 2 takes voicemail; three failures hang up. */
    private void menuScenario(Duration timeout) {
        scenario("main", Map.of(
                "main", new Step.Menu(MENU.id(), Map.of("1", "sales", "2", "vm"), timeout, 3, INVALID.id(), NO_INPUT.id(),
                        null),
                "sales", new Step.Play(SALES.id(), 1, null),
                "vm", new Step.Voicemail(List.of("boss@acme.example"), null)));
    }

    private CompletableFuture<SippCaller.Result> dial() {
        return SippCaller.scenario("answered-until-bye").key("rtp_port", Integer.toString(caller.address().getPort()))
                .start(sip.udpPort(), NUMBER);
    }

    /** What vpbx sends from its next packet (waited for up to 10 s) until it is quiet for {@code quiet}. */
    private List<RtpPeer.Packet> hear(Duration quiet) {
        List<RtpPeer.Packet> packets = new ArrayList<>();
        caller.receive(Duration.ofSeconds(10)).ifPresent(packets::add);
        if (!packets.isEmpty()) {
            packets.addAll(caller.receiveUntilQuiet(quiet, Duration.ofSeconds(15)));
        }
        return packets.stream().filter(packet -> packet.payloadType() == Codec.PCMU.payloadType()).toList();
    }

    /** The caller presses {@code key} (RFC 4733 event code) as telephone-events sent to where vpbx's RTP came from. */
    private void press(RtpPeer.Packet from, int key) throws InterruptedException {
        for (byte[] packet : RtpPeer.digit(EVENT_TYPE, key, sequence, timestamp, 0x4321, true)) {
            caller.sendRaw(packet, from.from());
            TimeUnit.MILLISECONDS.sleep(20);
        }
        sequence += 6;
        timestamp += 1600;
    }

    private static double share(short[] samples, int from, int length, double frequency) {
        return Goertzel.share(samples, from, length, frequency, Codec.CLOCK_RATE);
    }

    /** The first and last {@code millis} of what was heard are mostly these tones. */
    private static void assertStartsAndEnds(List<RtpPeer.Packet> packets, double first, double last) {
        short[] samples = RtpPeer.decode(packets, Codec.PCMU);
        int window = Codec.CLOCK_RATE / 4;
        assertTrue(samples.length > 2 * window, "heard " + samples.length + " samples");
        assertTrue(share(samples, 0, window, first) > 0.8, "first " + first + " Hz");
        assertTrue(share(samples, samples.length - window, window, last) > 0.8, "last " + last + " Hz");
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

    private List<String> path() {
        await(() -> records.size() == 1, "the call record");
        return records.get(0).attempts().stream().filter(a -> a.kind().equals("scenario")).map(CallRecord.Attempt::outcome)
                .toList();
    }

    private static void passed(CompletableFuture<SippCaller.Result> sipp) throws Exception {
        SippCaller.Result result = sipp.get(40, TimeUnit.SECONDS);
        assertTrue(result.passed(), result.logs());
    }

    @Test
    void oneInTheMenuPlaysTheSalesStepThenVpbxHangsUp() throws Exception {
        menuScenario(Duration.ofSeconds(5));
        CompletableFuture<SippCaller.Result> sipp = dial();

        List<RtpPeer.Packet> menu = hear(Duration.ofMillis(300));
        assertStartsAndEnds(menu, 1000, 1000);
        press(menu.get(0), 1);
        List<RtpPeer.Packet> sales = hear(Duration.ofMillis(400));

        assertStartsAndEnds(sales, 700, 700);
        passed(sipp);
        assertEquals(List.of("step main", "digit 1", "step sales", "hang_up"), path());
        assertEquals(CallRecord.Result.ANSWERED, records.get(0).result());
    }

    @Test
    void twoInTheMenuTakesAVoicemailThatLandsInTheSink() throws Exception {
        menuScenario(Duration.ofSeconds(5));
        CompletableFuture<SippCaller.Result> sipp = dial();

        List<RtpPeer.Packet> menu = hear(Duration.ofMillis(300));
        press(menu.get(0), 2);
        List<RtpPeer.Packet> prompt = hear(Duration.ofMillis(400));
        short[] heard = RtpPeer.decode(prompt, Codec.PCMU);
        int beep = Codec.CLOCK_RATE * 400 / 1000;
        assertTrue(share(heard, heard.length - beep, beep, Tones.BEEP_HZ) > 0.8, "the beep last");
        short[] speech = Tones.sine(440, 2000);
        List<byte[]> voice = RtpPeer.voice(Codec.PCMU, speech, sequence, timestamp, 0x4321);
        long next = System.nanoTime();
        for (byte[] packet : voice) {
            caller.sendRaw(packet, prompt.get(0).from());
            next += 20_000_000;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        sequence += voice.size();
        timestamp += speech.length;
        press(prompt.get(0), 11);

        passed(sipp);
        await(() -> voicemails.size() == 1, "the voicemail");
        NewVoicemail voicemail = voicemails.get(0);
        assertEquals(List.of("boss@acme.example"), voicemail.recipients());
        assertEquals("acme", voicemail.accountId());
        short[] recorded = wavSamples(voicemail.wav());
        assertTrue(share(recorded, 0, recorded.length, 440) > 0.8, "the caller's 440 Hz recorded");
        assertEquals(2000, recorded.length * 1000L / Codec.CLOCK_RATE, 100);
        assertEquals(List.of("step main", "digit 2", "step vm"), path());
    }

    @Test
    void aDigitPressedWhileAPlayStepPlaysIsTheNextMenusChoiceAndItsPromptIsSkipped() throws Exception {
        scenario("hello", Map.of(
                "hello", new Step.Play(HOURS.id(), 1, "main"),
                "main", new Step.Menu(MENU.id(), Map.of("1", "sales"), Duration.ofSeconds(5), 3, INVALID.id(),
                        NO_INPUT.id(), null),
                "sales", new Step.Play(SALES.id(), 1, null)));
        CompletableFuture<SippCaller.Result> sipp = dial();

        RtpPeer.Packet first = caller.receive(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no greeting"));
        press(first, 1); // RFC 4733, while the greeting plays
        List<RtpPeer.Packet> rest = hear(Duration.ofMillis(400));

        assertStartsAndEnds(rest, 1200, 700);
        short[] samples = RtpPeer.decode(rest, Codec.PCMU);
        assertTrue(share(samples, 0, samples.length, 1000) < 0.1, "the menu's prompt was never played");
        passed(sipp);
        assertEquals(List.of("step hello", "step main", "digit 1", "step sales", "hang_up"), path());
    }

    @Test
    void anInvalidDigitPlaysTheInvalidPromptThenTheMenuAgain() throws Exception {
        menuScenario(Duration.ofSeconds(5));
        CompletableFuture<SippCaller.Result> sipp = dial();

        List<RtpPeer.Packet> menu = hear(Duration.ofMillis(300));
        press(menu.get(0), 9);
        List<RtpPeer.Packet> again = hear(Duration.ofMillis(300));
        assertStartsAndEnds(again, 400, 1000);
        press(menu.get(0), 1);

        assertStartsAndEnds(hear(Duration.ofMillis(400)), 700, 700);
        passed(sipp);
        assertEquals(List.of("step main", "digit 9", "digit 1", "step sales", "hang_up"), path());
    }

    @Test
    void noInputThreeTimesHangsUp() throws Exception {
        menuScenario(Duration.ofMillis(800));
        CompletableFuture<SippCaller.Result> sipp = dial();

        // menu, 0.8 s silence, no-input prompt + menu, silence, no-input prompt + menu, silence, BYE
        List<RtpPeer.Packet> heard = hear(Duration.ofMillis(1500));

        passed(sipp);
        short[] samples = RtpPeer.decode(heard, Codec.PCMU);
        assertEquals(5 * 600, samples.length * 1000L / Codec.CLOCK_RATE, 150, "three menus and two no-input prompts");
        assertTrue(share(samples, 0, Codec.CLOCK_RATE / 4, 1000) > 0.8, "the menu first");
        assertEquals(List.of("step main", "no_input", "no_input", "no_input", "retries_exhausted", "hang_up"), path());
    }

    @Test
    void aKeyInASipInfoChoosesTheMenuOption() throws Exception {
        menuScenario(Duration.ofSeconds(5));
        CompletableFuture<SippCaller.Result> sipp = SippCaller.scenario("info-digit")
                .key("rtp_port", Integer.toString(caller.address().getPort())).key("digit", "1").start(sip.udpPort(), NUMBER);

        assertStartsAndEnds(hear(Duration.ofMillis(300)), 1000, 1000);
        assertStartsAndEnds(hear(Duration.ofMillis(400)), 700, 700);

        passed(sipp);
        assertEquals(List.of("step main", "digit 1", "step sales", "hang_up"), path());
    }

    @Test
    void aKeyPressedDuringTheMenuPromptCutsItShort() throws Exception {
        scenario("main", Map.of(
                "main", new Step.Menu(LONG_MENU.id(), Map.of("1", "sales"), Duration.ofSeconds(5), 3, INVALID.id(),
                        NO_INPUT.id(), null),
                "sales", new Step.Play(SALES.id(), 1, null)));
        CompletableFuture<SippCaller.Result> sipp = dial();

        RtpPeer.Packet first = caller.receive(Duration.ofSeconds(10)).orElseThrow();
        TimeUnit.MILLISECONDS.sleep(500);
        press(first, 1);
        List<RtpPeer.Packet> heard = new ArrayList<>(List.of(first));
        heard.addAll(caller.receiveUntilQuiet(Duration.ofMillis(400), Duration.ofSeconds(10)));

        passed(sipp);
        short[] samples = RtpPeer.decode(heard, Codec.PCMU);
        long millis = samples.length * 1000L / Codec.CLOCK_RATE;
        assertTrue(millis < 3000, "the 3 s prompt was cut: heard " + millis + " ms in all");
        assertTrue(share(samples, samples.length - Codec.CLOCK_RATE / 4, Codec.CLOCK_RATE / 4, 700) > 0.8, "then sales");
    }

    @Test
    void aClosedScheduleTakesTheAfterHoursBranch() throws Exception {
        scenario("when", Map.of("when", new Step.TimeCondition("office", "hours", "closed"),
                "hours", new Step.Play(HOURS.id(), 1, null), "closed", new Step.Play(AFTER_HOURS.id(), 1, null)));
        CompletableFuture<SippCaller.Result> sipp = dial();

        assertStartsAndEnds(hear(Duration.ofMillis(400)), 800, 800);

        passed(sipp);
        assertEquals(List.of("step when", "schedule office closed", "step closed", "hang_up"), path());
        await(() -> media.activeSessions() == 0, "the session closed");
    }

    private static short[] wavSamples(byte[] wav) {
        ByteBuffer data = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[(wav.length - 44) / 2];
        data.asShortBuffer().get(samples);
        return samples;
    }

    // ---- a real call and its simulation agree step by step ----

    /** The simulation of a call to {@link #NUMBER} now, pressing {@code digits}, on the server's own routing table. */
    private List<String> simulated(List<String> digits) throws InterruptedException {
        return new RouteSimulator(routing, employee -> List.of(), answering)
                .simulate("acme", NUMBER, Instant.now(), "sipp", digits).orElseThrow().path();
    }

    @Test
    void aRealCallPressingNineThenTwoFollowsThePathItsSimulationForetold() throws Exception {
        menuScenario(Duration.ofSeconds(5));
        List<String> foretold = simulated(List.of("9", "2"));
        CompletableFuture<SippCaller.Result> sipp = dial();

        List<RtpPeer.Packet> menu = hear(Duration.ofMillis(300));
        press(menu.get(0), 9);
        hear(Duration.ofMillis(300)); // the invalid prompt, then the menu again
        press(menu.get(0), 2);
        hear(Duration.ofMillis(400)); // the voicemail greeting and the beep
        press(menu.get(0), 11); // # ends the (empty) recording

        passed(sipp);
        assertEquals(List.of("step main", "digit 9", "digit 2", "step vm"), path());
        assertEquals(path(), foretold);
    }

    @Test
    void aSilentRealCallFollowsThePathItsSimulationForetold() throws Exception {
        menuScenario(Duration.ofMillis(800));
        List<String> foretold = simulated(List.of());
        CompletableFuture<SippCaller.Result> sipp = dial();

        hear(Duration.ofMillis(1500));

        passed(sipp);
        assertEquals(List.of("step main", "no_input", "no_input", "no_input", "retries_exhausted", "hang_up"), path());
        assertEquals(path(), foretold);
    }
}
