package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.CARRIER_IP;
import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.config.VoicemailConfig;
import io.vpbx.media.AudioClip;
import io.vpbx.media.Recording;
import io.vpbx.sip.SipText;
import io.vpbx.sip.routing.EmployeeEntry;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.sip.uas.ScenarioForwarding;
import io.vpbx.sip.uas.ScenarioForwarding.BridgeRequest;
import io.vpbx.sip.uas.ScenarioForwarding.ForwardOutcome;
import io.vpbx.sip.uas.ScenarioServices;
import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.ServiceCode;
import io.vpbx.telephony.scenario.Step;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A scenario's steps on the fake clock, through the proxy: what the caller hears (the clips played, in order), when
 * vpbx answers or refuses, the menu's retry rules and barge-in, collected digits and extensions, schedule branches,
 * forwards through a test double of the bridge, the shared voicemail, digits by SIP INFO, and the path the call record
 * keeps. The media is {@link ScriptedMedia}; ScenarioCallTest proves the same over RTP with SIPp.
 */
class ScenarioLegTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ScriptedMedia media = new ScriptedMedia(4);
    private final List<NewVoicemail> voicemails = new ArrayList<>();
    private final Map<String, Boolean> schedules = new HashMap<>();
    private final List<BridgeRequest> forwards = new ArrayList<>();
    private final List<Consumer<ForwardOutcome>> pendingForwards = new ArrayList<>();
    private int forwardsStopped;
    private final ScenarioForwarding bridge = (request, done) -> {
        forwards.add(request);
        pendingForwards.add(done);
        return () -> {
            forwardsStopped++;
            done.accept(new ForwardOutcome.NotAnswered(487, "cancelled"));
        };
    };
    private final Map<String, String> clips = new HashMap<>();
    private final ProxyFixture proxy = new ProxyFixture(new AnswerServices(media,
            (account, id) -> CompletableFuture.completedFuture(Optional.ofNullable(clips.get(id)).map(ScenarioLegTest::clip)),
            voicemails::add,
            new VoicemailConfig(Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofDays(30)),
            clip("greeting"), clip("beep"),
            new ScenarioServices((schedule, at) -> schedules.getOrDefault(schedule, false),
                    (account, extension) -> "102".equals(extension) ? Optional.of("e-102") : Optional.empty(), bridge)));
    private WireMessage answer;

    ScenarioLegTest() {
        for (String id : List.of("welcome", "menu", "invalid", "noinput", "sales", "hours", "after-hours", "operator",
                "ext", "thanks", "sorry")) {
            clips.put(id, id);
        }
    }

    private static AudioClip clip(String id) {
        return new AudioClip(id, new short[160]);
    }

    private void scenario(String start, Map<String, Step> steps) {
        proxy.table.putScenario(new Scenario("ivr", "acme", 1, "Main", start, steps));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Scenario("ivr"), 20,
                new Fallback.HangUp(480)));
    }

    private static Step.Menu menu(Map<String, String> options, int retries, String defaultStep) {
        return new Step.Menu("menu", options, TIMEOUT, retries, "invalid", "noinput", defaultStep);
    }

    /** The carrier calls, vpbx answers, the carrier acknowledges: the script starts. */
    private ScriptedMedia.Session answered() {
        proxy.call(DIALED);
        settle();
        answer = lastResponse(200);
        proxy.inDialog("ACK", 1, answer);
        settle();
        return media.last();
    }

    private void settle() {
        proxy.scheduler.advance(Duration.ZERO);
    }

    private void after(Duration duration) {
        proxy.scheduler.advance(duration);
    }

    private void playEnds(ScriptedMedia.Session session) {
        session.playEnds();
        settle();
    }

    private void press(ScriptedMedia.Session session, char digit) {
        session.press(digit);
        settle();
    }

    private WireMessage lastResponse(int status) {
        List<WireMessage> found = proxy.carrier.sent().stream().filter(m -> !m.isRequest() && m.statusCode() == status).toList();
        assertFalse(found.isEmpty(), () -> "no " + status + " in " + proxy.carrier.sent());
        return WireMessage.parse(found.get(found.size() - 1).bytes());
    }

    private boolean hungUp() {
        return !proxy.carrier.requests("BYE").isEmpty();
    }

    /** The scenario entries of the call record, in order. */
    private List<String> path() {
        return proxy.record().attempts().stream().filter(a -> a.kind().equals("scenario")).map(CallRecord.Attempt::outcome)
                .toList();
    }

    /** An INFO within the answered dialog carrying {@code body} as {@code type}. */
    private void info(String type, String body) {
        String text = """
                INFO %s SIP/2.0
                Via: SIP/2.0/UDP %s:5060;branch=z9hG4bK-info-%d
                Max-Forwards: 70
                To: %s
                From: %s
                Call-ID: %s
                CSeq: %d INFO
                Content-Type: %s
                Content-Length: %d

                %s""".formatted(Addresses.uri(answer.first(HeaderId.CONTACT)), CARRIER_IP, body.hashCode(), answer.to(),
                answer.from(), answer.callId(), 10 + proxy.carrier.sent().size(), type, SipText.crlf(body).length, body);
        proxy.fromCarrier(WireMessage.parse(SipText.crlf(text)));
        settle();
    }

    @Test
    void anEmployeeDiallingTheScenariosServiceCodeRunsItAndTheRecordKeepsThePath() {
        EmployeePhone anna = new EmployeePhone(proxy, "e-anna", "anna", "secret-anna", "192.0.2.50");
        proxy.table.put(new EmployeeEntry("e-anna", "acme", "Anna", "101", null, null));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.None(), 20, null));
        proxy.table.putScenario(new Scenario("ivr", "acme", 1, "Main", "main",
                Map.of("main", menu(Map.of("1", "sales"), 3, null), "sales", new Step.Play("sales", 1, null)),
                new ServiceCode("*12")));

        anna.dial("%2A12", "anna", null);
        settle();
        WireMessage ok = anna.flow.response(200);
        proxy.inDialog("ACK", 2, ok, anna.flow);
        settle();
        ScriptedMedia.Session session = media.last();
        press(session, '1');
        playEnds(session);

        assertEquals(List.of("menu x1", "sales x1"), session.played);
        assertEquals(List.of("step main", "digit 1", "step sales", "hang_up"), path());
        assertEquals("*12", proxy.record().callee());
        assertEquals(CallRecord.Direction.OUTBOUND, proxy.record().direction());
        assertEquals("ivr v1", proxy.record().attempts().get(0).destination());
    }

    @Test
    void aServiceCodeTheAccountDoesNotHaveIsNotFound() {
        EmployeePhone anna = new EmployeePhone(proxy, "e-anna", "anna", "secret-anna", "192.0.2.50");
        proxy.table.put(new EmployeeEntry("e-anna", "acme", "Anna", "101", null, null));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.None(), 20, null));
        proxy.table.putScenario(new Scenario("other-ivr", "other", 1, "Theirs", "bye", Map.of("bye", new Step.Hangup(480)),
                new ServiceCode("*12")));

        anna.dial("*12", "anna", null);

        List<Integer> statuses = anna.flow.statuses();
        assertEquals(404, statuses.get(statuses.size() - 1));
        assertEquals(List.of(), media.sessions, "nothing answered");
    }

    @Test
    void aPlayStepPlaysItsClipRepeatedThenVpbxHangsUp() {
        scenario("welcome", Map.of("welcome", new Step.Play("welcome", 2, null)));

        ScriptedMedia.Session session = answered();
        assertEquals(List.of("welcome x2"), session.played);
        assertFalse(hungUp());
        playEnds(session);

        assertTrue(hungUp());
        assertTrue(session.closed);
        assertEquals(CallRecord.Result.ANSWERED, proxy.record().result());
        assertEquals(List.of("step welcome", "hang_up"), path());
        assertEquals("ivr v1", proxy.record().attempts().get(0).destination());
    }

    @Test
    void aPlayStepGoesOnToItsNext() {
        scenario("welcome", Map.of("welcome", new Step.Play("welcome", 1, "bye"), "bye", new Step.Play("thanks", 1, null)));

        ScriptedMedia.Session session = answered();
        playEnds(session);

        assertEquals(List.of("welcome x1", "thanks x1"), session.played);
    }

    @Test
    void aDigitDuringTheMenuPromptStopsItAndChoosesItsOption() {
        scenario("main", Map.of("main", menu(Map.of("1", "sales"), 3, null), "sales", new Step.Play("sales", 1, null)));

        ScriptedMedia.Session session = answered();
        assertEquals(List.of("menu x1"), session.played);
        assertTrue(session.playing());
        press(session, '1');

        assertEquals(List.of("menu x1", "sales x1"), session.played);
        playEnds(session);
        assertEquals(List.of("step main", "digit 1", "step sales", "hang_up"), path());
        assertEquals(1.0, proxy.registry.get("vpbx.scenario.steps").tag("kind", "menu").counter().count());
        assertEquals(1.0, proxy.registry.get("vpbx.scenario.steps").tag("kind", "play").counter().count());
        assertEquals(1.0, proxy.registry.get("vpbx.sip.answered.locally").tag("kind", "scenario").counter().count());
    }

    @Test
    void untilTheBridgeIsWiredInAForwardIsNotAnsweredAndGoesToNoAnswer() {
        ScriptedMedia own = new ScriptedMedia(1);
        ProxyFixture unwired = new ProxyFixture(new AnswerServices(own,
                (account, id) -> CompletableFuture.completedFuture(Optional.of(clip(id))), voicemails::add,
                new VoicemailConfig(Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofDays(30)),
                clip("greeting"), clip("beep")));
        unwired.table.putScenario(new Scenario("ivr", "acme", 1, "Main", "fwd", Map.of(
                "fwd", new Step.Forward(new Destination.Employee("e-1"), Duration.ofSeconds(20), "sorry"),
                "sorry", new Step.Play("sorry", 1, null))));
        unwired.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Scenario("ivr"), 20, null));

        unwired.call(DIALED);
        unwired.scheduler.advance(Duration.ZERO);
        WireMessage ok = WireMessage.parse(unwired.carrier.sent().stream().filter(m -> !m.isRequest() && m.statusCode() == 200)
                .findFirst().orElseThrow().bytes());
        unwired.inDialog("ACK", 1, ok);
        unwired.scheduler.advance(Duration.ZERO);

        assertEquals(List.of("sorry x1"), own.last().played);
    }

    @Test
    void aDigitAfterThePromptWithinTheTimeoutChoosesItsOption() {
        scenario("main", Map.of("main", menu(Map.of("2", "sales"), 3, null), "sales", new Step.Play("sales", 1, null)));

        ScriptedMedia.Session session = answered();
        playEnds(session);
        after(TIMEOUT.minusMillis(1));
        press(session, '2');

        assertEquals(List.of("menu x1", "sales x1"), session.played);
    }

    @Test
    void anInvalidDigitPlaysTheInvalidPromptThenTheMenuAgain() {
        scenario("main", Map.of("main", menu(Map.of("1", "sales"), 3, null), "sales", new Step.Play("sales", 1, null)));

        ScriptedMedia.Session session = answered();
        playEnds(session);
        press(session, '9');
        assertEquals(List.of("menu x1", "invalid x1"), session.played);
        playEnds(session);
        assertEquals(List.of("menu x1", "invalid x1", "menu x1"), session.played);
        playEnds(session);
        press(session, '1');

        assertEquals(List.of("menu x1", "invalid x1", "menu x1", "sales x1"), session.played);
    }

    @Test
    void noInputThreeTimesHangsUpWhenTheMenuHasNoDefault() {
        scenario("main", Map.of("main", menu(Map.of("1", "sales"), 3, null), "sales", new Step.Play("sales", 1, null)));

        ScriptedMedia.Session session = answered();
        for (int attempt = 1; attempt <= 2; attempt++) {
            playEnds(session);
            after(TIMEOUT);
            assertEquals("noinput x1", session.played.get(session.played.size() - 1));
            playEnds(session);
            assertEquals("menu x1", session.played.get(session.played.size() - 1));
        }
        playEnds(session);
        after(TIMEOUT.minusMillis(1));
        assertFalse(hungUp(), "the third wait is not over");
        after(Duration.ofMillis(1));

        assertTrue(hungUp());
        assertEquals(List.of("menu x1", "noinput x1", "menu x1", "noinput x1", "menu x1"), session.played);
        assertEquals(List.of("step main", "no_input", "no_input", "no_input", "retries_exhausted", "hang_up"), path());
    }

    @Test
    void afterItsRetriesTheMenuGoesToItsDefaultStep() {
        scenario("main", Map.of("main", menu(Map.of("1", "sales"), 2, "operator"),
                "sales", new Step.Play("sales", 1, null), "operator", new Step.Play("operator", 1, null)));

        ScriptedMedia.Session session = answered();
        press(session, '7');
        playEnds(session);
        press(session, '8');

        assertEquals(List.of("menu x1", "invalid x1", "menu x1", "operator x1"), session.played);
    }

    @Test
    void aDigitPressedWhileAPlayStepPlaysIsTheNextMenusChoiceAndItsPromptIsNotPlayed() {
        scenario("welcome", Map.of("welcome", new Step.Play("welcome", 1, "main"),
                "main", menu(Map.of("1", "sales"), 3, null), "sales", new Step.Play("sales", 1, null)));

        ScriptedMedia.Session session = answered();
        press(session, '1');
        assertEquals(List.of("welcome x1"), session.played, "the play step is not cut short");
        playEnds(session);

        assertEquals(List.of("welcome x1", "sales x1"), session.played);
        playEnds(session);
        assertEquals(List.of("step welcome", "step main", "digit 1", "step sales", "hang_up"), path());
    }

    @Test
    void digitsTypedAheadFeedAMenuThenACollectInOrder() {
        scenario("welcome", Map.of("welcome", new Step.Play("welcome", 1, "main"),
                "main", menu(Map.of("2", "ask"), 3, null),
                "ask", new Step.Collect("ext", 2, 6, '#', TIMEOUT, false, "order", "thanks", "sorry"),
                "thanks", new Step.Play("thanks", 1, null), "sorry", new Step.Play("sorry", 1, null)));

        ScriptedMedia.Session session = answered();
        for (char digit : "242#".toCharArray()) {
            press(session, digit);
        }
        playEnds(session);

        assertEquals(List.of("welcome x1", "thanks x1"), session.played, "neither the menu nor the collect prompted");
        playEnds(session);
        assertEquals(List.of("step welcome", "step main", "digit 2", "step ask", "digits 42", "step thanks", "hang_up"),
                path());
    }

    @Test
    void aCollectStillWaitsForTheRestOfWhatWasTypedAhead() {
        scenario("welcome", Map.of("welcome", new Step.Play("welcome", 1, "ask"),
                "ask", new Step.Collect("ext", 3, 6, '#', TIMEOUT, false, "order", "thanks", "sorry"),
                "thanks", new Step.Play("thanks", 1, null), "sorry", new Step.Play("sorry", 1, null)));

        ScriptedMedia.Session session = answered();
        press(session, '1');
        press(session, '0');
        playEnds(session);
        assertEquals(List.of("welcome x1"), session.played, "no prompt: the caller is keying");
        press(session, '5');
        press(session, '#');

        assertEquals(List.of("welcome x1", "thanks x1"), session.played);
        playEnds(session);
        assertTrue(path().contains("digits 105"), path().toString());
    }

    @Test
    void aWrongKeyTypedAheadCountsAsAnInvalidChoiceAndTheRestIsDropped() {
        scenario("welcome", Map.of("welcome", new Step.Play("welcome", 1, "main"),
                "main", menu(Map.of("1", "sales"), 3, null), "sales", new Step.Play("sales", 1, null)));

        ScriptedMedia.Session session = answered();
        press(session, '9');
        press(session, '1');
        playEnds(session);

        playEnds(session);
        assertEquals(List.of("welcome x1", "invalid x1", "menu x1"), session.played, "the 1 after the 9 was dropped");
        press(session, '1');
        playEnds(session);
        assertEquals(List.of("step welcome", "step main", "digit 9", "digit 1", "step sales", "hang_up"), path());
    }

    @Test
    void aCollectedNumberIsWhereTheForwardRingsAndThePathShowsTheDigits() {
        scenario("ask", Map.of("ask", new Step.Collect("ext", 3, 15, '#', TIMEOUT, false, "callback", "call", "sorry"),
                "call", new Step.Forward(new Destination.Collected(Destination.Collected.Kind.NUMBER, "callback"),
                        Duration.ofSeconds(20), "sorry"),
                "sorry", new Step.Play("sorry", 1, null)));

        ScriptedMedia.Session session = answered();
        for (char digit : "89161234567#".toCharArray()) {
            press(session, digit);
        }

        assertEquals(new Destination.ExternalNumber("+79161234567"), forwards.get(0).target());
        nobodyAnswersThenSorryEnds(session);
        assertEquals(List.of("step ask", "digits 89161234567", "step call", "forward number +79161234567",
                "not_answered no_answer 408", "step sorry", "hang_up"), path());
    }

    private void nobodyAnswersThenSorryEnds(ScriptedMedia.Session session) {
        pendingForwards.get(0).accept(new ForwardOutcome.NotAnswered(408, "no_answer"));
        settle();
        assertEquals("sorry x1", session.played.get(session.played.size() - 1));
        playEnds(session);
    }

    private void collectedExtensionScenario() {
        scenario("ask", Map.of("ask", new Step.Collect("ext", 3, 3, '#', TIMEOUT, false, "ext", "call", "sorry"),
                "call", new Step.Forward(new Destination.Collected(Destination.Collected.Kind.EXTENSION, "ext"),
                        Duration.ofSeconds(20), "sorry"),
                "sorry", new Step.Play("sorry", 1, null)));
    }

    @Test
    void aCollectedExtensionRingsThatEmployee() {
        collectedExtensionScenario();

        ScriptedMedia.Session session = answered();
        for (char digit : "102".toCharArray()) {
            press(session, digit);
        }

        assertEquals(new Destination.Employee("e-102"), forwards.get(0).target());
        nobodyAnswersThenSorryEnds(session);
        assertEquals(List.of("step ask", "digits 102", "step call", "forward employee e-102", "not_answered no_answer 408",
                "step sorry", "hang_up"), path());
    }

    @Test
    void aCollectedExtensionNobodyHasGoesToTheNoAnswerStep() {
        collectedExtensionScenario();

        ScriptedMedia.Session session = answered();
        for (char digit : "555".toCharArray()) {
            press(session, digit);
        }

        assertEquals(List.of(), forwards, "nothing rings");
        assertEquals("sorry x1", session.played.get(session.played.size() - 1));
        playEnds(session);
        assertEquals(List.of("step ask", "digits 555", "step call", "extension 555 unknown", "step sorry", "hang_up"),
                path());
    }

    @Test
    void collectKeepsTheDigitsEndedByTheTerminator() {
        scenario("ask", Map.of("ask", new Step.Collect("ext", 2, 6, '#', TIMEOUT, false, "order", "thanks", "sorry"),
                "thanks", new Step.Play("thanks", 1, null), "sorry", new Step.Play("sorry", 1, null)));

        ScriptedMedia.Session session = answered();
        press(session, '4');
        press(session, '2');
        press(session, '#');

        assertEquals(List.of("ext x1", "thanks x1"), session.played);
        playEnds(session);
        assertTrue(path().contains("digits 42"), path().toString());
    }

    @Test
    void collectEndsWhenNoDigitComesWithinTheTimeoutAndTooFewDigitsAreInvalid() {
        scenario("ask", Map.of("ask", new Step.Collect("ext", 2, 6, '#', TIMEOUT, false, "order", "thanks", "sorry"),
                "thanks", new Step.Play("thanks", 1, null), "sorry", new Step.Play("sorry", 1, null)));

        ScriptedMedia.Session session = answered();
        playEnds(session);
        press(session, '4');
        after(TIMEOUT.minusMillis(1));
        assertEquals(List.of("ext x1"), session.played, "the timeout runs from the last digit");
        after(Duration.ofMillis(1));

        assertEquals(List.of("ext x1", "sorry x1"), session.played);
    }

    @Test
    void collectOfAnExtensionForwardsToThatEmployeeAndAnUnknownOneIsInvalid() {
        scenario("ask", Map.of("ask", new Step.Collect("ext", 3, 3, '#', TIMEOUT, true, null, "operator", "sorry"),
                "operator", new Step.Play("operator", 1, null), "sorry", new Step.Play("sorry", 1, "ask")));

        ScriptedMedia.Session session = answered();
        press(session, '1');
        press(session, '0');
        press(session, '3');
        assertEquals(List.of("ext x1", "sorry x1"), session.played, "103 is nobody's extension");
        assertEquals(List.of(), forwards);
        playEnds(session);
        press(session, '1');
        press(session, '0');
        press(session, '2');

        assertEquals(1, forwards.size());
        assertEquals(new Destination.Employee("e-102"), forwards.get(0).target());
        assertEquals("acme", forwards.get(0).call().accountId());
        assertTrue(forwards.get(0).media() == session);
        pendingForwards.get(0).accept(new ForwardOutcome.NotAnswered(480, "no_answer"));
        settle();
        assertEquals("operator x1", session.played.get(session.played.size() - 1), "not answered: the collect's next");
    }

    @Test
    void aClosedScheduleTakesTheAfterHoursBranchAndAnOpenOneTheOther() {
        Map<String, Step> steps = Map.of("when", new Step.TimeCondition("office", "hours", "closed"),
                "hours", new Step.Play("hours", 1, null), "closed", new Step.Play("after-hours", 1, null));
        scenario("when", steps);

        ScriptedMedia.Session session = answered();
        assertEquals(List.of("after-hours x1"), session.played);
        playEnds(session);
        assertEquals(List.of("step when", "schedule office closed", "step closed", "hang_up"), path());

        schedules.put("office", true);
        proxy.records.clear();
        ScriptedMedia.Session second = answered();
        assertEquals(List.of("hours x1"), second.played);
    }

    @Test
    void aScenarioThatHangsUpBeforeAnsweringRefusesWithItsCodeAndOpensNoMedia() {
        scenario("when", Map.of("when", new Step.TimeCondition("office", "hours", "closed"),
                "hours", new Step.Play("hours", 1, null), "closed", new Step.Hangup(486)));

        proxy.call(DIALED);
        settle();

        assertEquals(486, lastResponse(486).statusCode());
        assertTrue(proxy.carrier.sent().stream().noneMatch(m -> !m.isRequest() && m.statusCode() == 200));
        assertEquals(List.of(), media.sessions);
        assertEquals(CallRecord.Result.BUSY, proxy.record().result());
        assertEquals(List.of("step when", "schedule office closed", "step closed", "hang_up 486"), path());
    }

    @Test
    void aForwardThatIsBridgedEndsTheScriptWhenTheBridgedCallEnds() {
        scenario("fwd", Map.of("fwd", new Step.Forward(new Destination.ExternalNumber("+74951112233"), Duration.ofSeconds(25),
                "vm"), "vm", new Step.Voicemail(List.of("boss@acme.example"), null)));

        ScriptedMedia.Session session = answered();
        assertEquals(1, forwards.size());
        assertEquals(Duration.ofSeconds(25), forwards.get(0).ringTimeout());
        assertEquals(answer.toTag(), forwards.get(0).localTag());
        assertFalse(hungUp());
        pendingForwards.get(0).accept(new ForwardOutcome.Bridged("+74951112233"));
        settle();

        assertTrue(hungUp());
        assertEquals(List.of("step fwd", "forward number +74951112233", "reached +74951112233"), path());
    }

    @Test
    void aForwardNotAnsweredGoesToNoAnswerWhereTheSharedVoicemailTakesAMessage() {
        scenario("fwd", Map.of("fwd", new Step.Forward(new Destination.Department("sales"), Duration.ofSeconds(25), "vm"),
                "vm", new Step.Voicemail(List.of("boss@acme.example"), null)));

        ScriptedMedia.Session session = answered();
        pendingForwards.get(0).accept(new ForwardOutcome.NotAnswered(486, "busy"));
        settle();
        assertEquals(List.of("greeting x1"), session.played);
        playEnds(session);
        assertEquals(List.of("greeting x1", "beep x1"), session.played);
        playEnds(session);
        assertTrue(session.recording());
        session.recordingEnds(new short[8000 * 4], Recording.Ended.HASH);
        settle();

        assertEquals(1, voicemails.size());
        assertEquals(List.of("boss@acme.example"), voicemails.get(0).recipients());
        assertEquals(Duration.ofSeconds(4), voicemails.get(0).length());
        assertTrue(hungUp());
        assertEquals(List.of("step fwd", "forward department sales", "not_answered busy 486", "step vm"), path());
    }

    @Test
    void aForwardToAnotherScenarioGoesOnInItsCurrentVersionWithoutABridge() {
        scenario("fwd", Map.of("fwd", new Step.Forward(new Destination.Scenario("night"), Duration.ofSeconds(25), "sorry"),
                "sorry", new Step.Play("sorry", 1, null)));
        proxy.table.putScenario(new Scenario("night", "acme", 3, "Night", "closed",
                Map.of("closed", new Step.Play("after-hours", 1, null))));

        ScriptedMedia.Session session = answered();
        assertEquals(List.of("after-hours x1"), session.played);
        playEnds(session);

        assertEquals(List.of(), forwards);
        assertEquals(List.of("ivr v1", "ivr v1", "night v3", "night v3"),
                proxy.record().attempts().stream().map(CallRecord.Attempt::destination).toList());
        assertEquals(List.of("step fwd", "forward scenario night", "step closed", "hang_up"), path());
    }

    @Test
    void aForwardToAScenarioOfAnotherAccountIsNotAnswered() {
        scenario("fwd", Map.of("fwd", new Step.Forward(new Destination.Scenario("theirs"), Duration.ofSeconds(25), "sorry"),
                "sorry", new Step.Play("sorry", 1, null)));
        proxy.table.putScenario(new Scenario("theirs", "other", 1, "Theirs", "closed",
                Map.of("closed", new Step.Play("after-hours", 1, null))));

        ScriptedMedia.Session session = answered();

        assertEquals(List.of("sorry x1"), session.played);
    }

    @Test
    void theCallerHangingUpDuringAForwardStopsIt() {
        scenario("fwd", Map.of("fwd", new Step.Forward(new Destination.Employee("e-1"), Duration.ofSeconds(25), null)));

        answered();
        proxy.inDialog("BYE", 2, answer);
        settle();

        assertEquals(1, forwardsStopped);
        assertFalse(hungUp(), "the caller hung up; vpbx sends no BYE of its own");
        assertEquals(CallRecord.Result.ANSWERED, proxy.record().result());
    }

    @Test
    void aDigitInASipInfoChoosesTheMenuOptionToo() {
        scenario("main", Map.of("main", menu(Map.of("2", "sales", "#", "operator"), 3, null),
                "sales", new Step.Play("sales", 1, null), "operator", new Step.Play("operator", 1, null)));

        ScriptedMedia.Session session = answered();
        info("application/dtmf-relay", "Signal=2\r\nDuration=160\r\n");

        assertEquals(List.of("menu x1", "sales x1"), session.played);
        assertEquals("INFO", lastResponse(200).cseqMethod());
    }

    @Test
    void aDigitInAnApplicationDtmfInfoCounts() {
        scenario("main", Map.of("main", menu(Map.of("#", "operator"), 3, null), "operator", new Step.Play("operator", 1, null)));

        ScriptedMedia.Session session = answered();
        playEnds(session);
        info("application/dtmf", "#");

        assertEquals(List.of("menu x1", "operator x1"), session.played);
    }

    @Test
    void aCallKeepsTheScenarioVersionItStartedWith() {
        scenario("welcome", Map.of("welcome", new Step.Play("welcome", 1, "next"), "next", new Step.Play("thanks", 1, null)));
        ScriptedMedia.Session session = answered();

        proxy.table.putScenario(new Scenario("ivr", "acme", 2, "Main", "welcome",
                Map.of("welcome", new Step.Play("welcome", 1, "next"), "next", new Step.Play("sorry", 1, null))));
        playEnds(session);

        assertEquals(List.of("welcome x1", "thanks x1"), session.played);
    }

    @Test
    void aScenarioThatIsGoneOrAnotherAccountsIsUnavailableAndTheFallbackAnswers() {
        scenario("welcome", Map.of("welcome", new Step.Play("welcome", 1, null)));
        proxy.table.putScenario(new Scenario("ivr", "other-account", 1, "Theirs", "welcome",
                Map.of("welcome", new Step.Play("welcome", 1, null))));

        proxy.call(DIALED);
        settle();

        assertEquals(480, lastResponse(480).statusCode());
        assertEquals(List.of(), media.sessions);
        CallRecord.Attempt attempt = proxy.record().attempts().get(0);
        assertEquals("scenario_unavailable", attempt.outcome());
        assertNull(proxy.record().answeredAt());
    }

    @Test
    void aClipThatIsGoneRefusesTheCallWith480() {
        clips.remove("sales");
        scenario("main", Map.of("main", menu(Map.of("1", "sales"), 3, null), "sales", new Step.Play("sales", 1, null)));

        proxy.call(DIALED);
        settle();

        assertEquals(480, lastResponse(480).statusCode());
        assertEquals(List.of(), media.sessions);
    }

    @Test
    void theScheduleIsAskedAtTheCallsTime() {
        List<Instant> asked = new ArrayList<>();
        ProxyFixture timed = new ProxyFixture(AnswerServices.withoutMedia().withScenarios(new ScenarioServices(
                (schedule, at) -> asked.add(at), (account, extension) -> Optional.empty(), bridge)));
        timed.table.putScenario(new Scenario("ivr", "acme", 1, "Main", "when",
                Map.of("when", new Step.TimeCondition("office", null, "no"),
                        "no", new Step.Hangup(403))));
        timed.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Scenario("ivr"), 20, null));
        timed.scheduler.advance(Duration.ofMinutes(90));

        timed.call(DIALED);
        timed.scheduler.advance(Duration.ZERO);

        assertEquals(List.of(timed.clock.instant()), asked);
        assertEquals(480, timed.carrier.sent().get(timed.carrier.sent().size() - 1).statusCode(), "open leads to null: hang up");
    }
}
