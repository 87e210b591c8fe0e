package io.vpbx.sip.uas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.vpbx.sip.routing.DepartmentPlan;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.forwarding.RingStrategy;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scenario forwards, end to end on 127.0.0.1: SIPp calls, vpbx answers with a scenario (a short welcome, then
 * {@code forward} to an employee), vpbx calls the employee's registered phone (SIPp as the target) and bridges the
 * two. Java {@link RtpPeer}s stand in for both phones' audio: the caller offers PCMU, the target answers PCMA, and a
 * tone sent by each is measured (Goertzel) at the other. The SIP and media servers are the real ones.
 */
class BridgeCallTest {
    private static final String NUMBER = "+74951230001";
    private static final String HUNT_NUMBER = "+74951230002";
    private static final AudioClip WELCOME = new AudioClip("welcome", Tones.sine(440, 300));
    private static final AudioClip SORRY = new AudioClip("sorry", Tones.sine(660, 300));
    private static final int SSRC = 0x5151;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<CallRecord> records = new CopyOnWriteArrayList<>();
    private final RoutingTable routing = new RoutingTable();
    private final Map<String, List<String>> contacts = new ConcurrentHashMap<>();
    private final RtpPeer callerAudio = RtpPeer.open();
    private final RtpPeer calleeAudio = RtpPeer.open();
    private NettyMediaServer media;
    private SipServer sip;

    @BeforeEach
    void start() {
        int first = 30000 + 2 * ThreadLocalRandom.current().nextInt(4000);
        media = new NettyMediaServer(new MediaConfig("127.0.0.1", "127.0.0.1", first, first + 39, 1 << 20,
                Duration.ofMinutes(5), 1 << 20), registry, Duration.ofSeconds(10), 2, Clock.systemUTC());
        Map<String, AudioClip> clips = Map.of(WELCOME.id(), WELCOME, SORRY.id(), SORRY);
        AnswerServices answering = new AnswerServices(media,
                (account, id) -> CompletableFuture.completedFuture(Optional.ofNullable(clips.get(id))),
                voicemail -> { }, new VoicemailConfig(Duration.ofSeconds(20), Duration.ofMillis(1500),
                        Duration.ofMillis(500), Duration.ofDays(30)), Tones.greeting(), Tones.beep());
        routing.put(new TrunkEntry("carrier", "127.0.0.1", null));
        routing.putScenario(new Scenario("ivr", "acme", 1, "Main", "welcome", Map.of(
                "welcome", new Step.Play(WELCOME.id(), 1, "sales"),
                "sales", new Step.Forward(new Destination.Employee("e1"), Duration.ofSeconds(15), "sorry"),
                "sorry", new Step.Play(SORRY.id(), 1, null))));
        routing.put(new RouteEntry(NUMBER, "acme", true, true, "active", new Target.Scenario("ivr"), 20,
                new Fallback.HangUp(480)));
        SipServices standalone = SipServices.standalone(Optional.empty());
        sip = new SipServer(new SipConfig("127.0.0.1", 0, true, false, "vpbx.test", 65_535, 100, 10_000, 10_000, 100,
                10_000, ""), registry, new SipServices(routing, Optional.empty(),
                employee -> contacts.getOrDefault(employee, List.of()), standalone.credentials(),
                standalone.authenticator(), standalone.accountOfEmployee(), records::add, answering, Clock.systemUTC()));
        sip.start();
    }

    @AfterEach
    void stop() {
        sip.close();
        media.close();
        callerAudio.close();
        calleeAudio.close();
    }

    @Test
    void afterTheTargetAnswersEachHearsTheOtherAndTheTargetsByeEndsTheCall() {
        SippCallee callee = target("callee-answers-then-hangs-up");
        CompletableFuture<SippCaller.Result> caller = call("answered-until-bye");

        InetSocketAddress callerLeg = welcomeHeardFrom();
        InetSocketAddress calleeLeg = bridgedTo(callerLeg);

        callerAudio.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 600), 1000, 80_000, SSRC), callerLeg);
        assertTone(heard(calleeAudio, Codec.PCMA), 1000, "the target hears the caller, transcoded to PCMA");
        calleeAudio.sendAll(RtpPeer.voice(Codec.PCMA, Tones.sine(700, 600), 1, 0, SSRC + 1), calleeLeg);
        assertTone(heard(callerAudio, Codec.PCMU), 700, "the caller hears the target, transcoded to PCMU");
        callerAudio.sendAll(RtpPeer.digit(101, 5, 2000, 200_000, SSRC, true), callerLeg);
        List<RtpPeer.Packet> digit = calleeAudio.receiveUntilQuiet(Duration.ofMillis(300), Duration.ofSeconds(3));
        assertTrue(!digit.isEmpty() && digit.stream().allMatch(p -> p.payloadType() == 101 && p.event() == 5),
                "the caller's digit reaches the target as RFC 4733: " + digit);

        passed(callee.result());
        passed(caller.join()); // vpbx's BYE to the caller after the target's BYE
        assertTrue(path().contains("reached " + callee.contact()), () -> "path " + path());
        assertEquals(CallRecord.Result.ANSWERED, record().result());
    }

    @Test
    void aTargetRepeatingItsAnswerGetsTheAckAgainAndTheCallGoesOn() {
        SippCallee callee = target("callee-repeats-answer");
        CompletableFuture<SippCaller.Result> caller = call("answered-until-bye");

        passed(callee.result()); // two 200s, two ACKs, no BYE from vpbx in between; then the target's BYE
        passed(caller.join());
        assertEquals(1.0, registry.get("vpbx.sip.bridge.acks.repeated").counter().count());
        assertTrue(path().contains("reached " + callee.contact()), () -> "path " + path());
    }

    @Test
    void eachHuntStepRingsForItsOwnTimeNotTheForwardsAsTheProxyRingsThem() {
        // the forward's ring timeout (1 s) is shorter than the hunt: the first member rings 2 s, the second answers
        routing.put(new DepartmentPlan("sales", RingStrategy.HUNT_IN_ORDER,
                List.of(new DepartmentPlan.Member("e1", 2), new DepartmentPlan.Member("e2", 10))));
        routing.putScenario(new Scenario("hunt", "acme", 1, "Hunt", "sales", Map.of(
                "sales", new Step.Forward(new Destination.Department("sales"), Duration.ofSeconds(1), "sorry"),
                "sorry", new Step.Play(SORRY.id(), 1, null))));
        routing.put(new RouteEntry(HUNT_NUMBER, "acme", true, true, "active", new Target.Scenario("hunt"), 20,
                new Fallback.HangUp(480)));
        SippCallee first = SippCallee.listen("callee-rings-until-cancel", calleeAudio.address().getPort());
        SippCallee second = SippCallee.listen("callee-answers-then-hangs-up", calleeAudio.address().getPort());
        contacts.put("e1", List.of(first.contact()));
        contacts.put("e2", List.of(second.contact()));

        CompletableFuture<SippCaller.Result> caller = SippCaller.scenario("answered-until-bye")
                .key("rtp_port", Integer.toString(callerAudio.address().getPort())).start(sip.udpPort(), HUNT_NUMBER);

        passed(first.result()); // rung for its 2 s, then cancelled
        passed(second.result()); // rung after it, answered: the forward's 1 s bounded neither step
        passed(caller.join());
        assertTrue(path().contains("attempt " + first.contact() + " no_answer"), () -> "path " + path());
        assertTrue(path().contains("reached " + second.contact()), () -> "path " + path());
    }

    @Test
    void theCallersByeReachesTheTarget() {
        SippCallee callee = target("callee-answers-until-bye");
        CompletableFuture<SippCaller.Result> caller = call("bridged-caller-hangs-up");

        passed(caller.join());
        passed(callee.result()); // the target got vpbx's BYE and answered it
        assertTrue(path().contains("attempt " + callee.contact() + " answered 200"), () -> "path " + path());
    }

    @Test
    void aBusyTargetSendsTheCallerToTheNoAnswerStep() {
        SippCallee callee = target("callee-busy");
        CompletableFuture<SippCaller.Result> caller = call("answered-until-bye");

        short[] heard = heard(callerAudio, Codec.PCMU);
        int prompt = 8 * 300;
        assertTrue(heard.length >= 2 * prompt, "two prompts: " + heard.length / 8 + " ms");
        assertTone(java.util.Arrays.copyOf(heard, prompt), 440, "the welcome prompt first");
        assertTone(java.util.Arrays.copyOfRange(heard, heard.length - prompt, heard.length), 660,
                "then the no_answer step's prompt");
        passed(callee.result());
        passed(caller.join());
        assertTrue(path().contains("not_answered busy 486"), () -> "path " + path());
    }

    @Test
    void theCallerLeavingWhileTheTargetRingsCancelsIt() {
        SippCallee callee = target("callee-rings-until-cancel");
        CompletableFuture<SippCaller.Result> caller = call("ringing-caller-hangs-up");

        passed(caller.join());
        passed(callee.result()); // CANCEL, 487, ACK: the caller left, the target stopped ringing
        assertEquals(CallRecord.Result.ANSWERED, record().result(), "vpbx had answered the caller");
    }

    private SippCallee target(String scenario) {
        SippCallee callee = SippCallee.listen(scenario, calleeAudio.address().getPort());
        contacts.put("e1", List.of(callee.contact()));
        return callee;
    }

    private CompletableFuture<SippCaller.Result> call(String scenario) {
        return SippCaller.scenario(scenario).key("rtp_port", Integer.toString(callerAudio.address().getPort()))
                .start(sip.udpPort(), NUMBER);
    }

    /** The welcome prompt: where vpbx's leg toward the caller sends from (its SDP address). */
    private InetSocketAddress welcomeHeardFrom() {
        RtpPeer.Packet first = callerAudio.receive(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no welcome"));
        short[] heard = heard(callerAudio, Codec.PCMU); // the welcome, then the ringing tone until the bridge
        assertTone(java.util.Arrays.copyOf(heard, 8 * 250), 440, "the welcome prompt");
        if (heard.length > 8 * 800) {
            assertTone(java.util.Arrays.copyOfRange(heard, 8 * 350, 8 * 800), Tones.RINGBACK_HZ, "then the ringing tone");
        }
        return first.from();
    }

    /** The caller talks until the target hears it: then the bridge is up; returns vpbx's leg toward the target. */
    private InetSocketAddress bridgedTo(InetSocketAddress callerLeg) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int round = 0; System.nanoTime() < deadline; round++) {
            callerAudio.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 100), round * 5, round * 800, SSRC), callerLeg);
            Optional<RtpPeer.Packet> heard = calleeAudio.receive(Duration.ofMillis(100));
            if (heard.isPresent()) {
                calleeAudio.receiveUntilQuiet(Duration.ofMillis(300), Duration.ofSeconds(3));
                callerAudio.receiveUntilQuiet(Duration.ofMillis(300), Duration.ofSeconds(3));
                return heard.get().from();
            }
        }
        throw new AssertionError("the target never heard the caller");
    }

    private static short[] heard(RtpPeer peer, Codec codec) {
        List<RtpPeer.Packet> packets = new java.util.ArrayList<>();
        peer.receive(Duration.ofSeconds(5)).ifPresent(packets::add);
        packets.addAll(peer.receiveUntilQuiet(Duration.ofMillis(300), Duration.ofSeconds(5)));
        assertTrue(packets.stream().allMatch(p -> p.payloadType() == codec.payloadType()), "all in " + codec);
        return RtpPeer.decode(packets, codec);
    }

    private static void assertTone(short[] samples, double hz, String what) {
        assertTrue(samples.length >= 8 * 200, what + ": heard " + samples.length / 8 + " ms");
        assertTrue(Goertzel.share(samples, 0, samples.length, hz, Codec.CLOCK_RATE) > 0.8, what + ": " + hz + " Hz");
    }

    private static void passed(SippCaller.Result result) {
        assertTrue(result.passed(), result.logs());
    }

    private CallRecord record() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (records.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertEquals(1, records.size(), "one call record");
        return records.get(0);
    }

    private List<String> path() {
        CallRecord record = record();
        assertNotNull(record.attempts());
        return record.attempts().stream().filter(a -> a.kind().equals("scenario")).map(CallRecord.Attempt::outcome)
                .toList();
    }
}
