package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.CALLER;
import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.config.VoicemailConfig;
import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.sip.SipText;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.sip.uas.ScenarioServices;
import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scenario's {@code forward} through the real bridge, on the fake clock: vpbx answers the caller, then calls the
 * employee's phones as a UAC with its own INVITE and offer, bridges the media when one answers (CANCEL to the
 * other, ACK to the answer), and ends the right way on each side's BYE, on busy, on the ring timeout and when the
 * caller leaves while it rings. The media is {@link ScriptedMedia}; BridgeCallTest proves the voice over RTP.
 */
class ScenarioBridgeTest {
    private static final String PHONE_SDP = "v=0\r\no=- 1 1 IN IP4 10.1.1.2\r\ns=-\r\nc=IN IP4 10.1.1.2\r\nt=0 0\r\n"
            + "m=audio 7000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n";

    private final ScriptedMedia media = new ScriptedMedia(4);
    private final ProxyFixture proxy = new ProxyFixture(new AnswerServices(media,
            (account, id) -> CompletableFuture.completedFuture(Optional.of(new AudioClip(id, new short[160]))),
            voicemail -> { },
            new VoicemailConfig(Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofDays(30)),
            new AudioClip("greeting", new short[160]), new AudioClip("beep", new short[160]),
            new ScenarioServices((schedule, at) -> false, (account, extension) -> Optional.empty())));
    private final RecordingFlow phone1 = proxy.network.udp("10.1.1.1", 5060);
    private final RecordingFlow phone2 = proxy.network.udp("10.1.1.2", 5062);
    private WireMessage answer;
    private ScriptedMedia.Session caller;

    @BeforeEach
    void scenario() {
        proxy.registered.put("e1", List.of("sip:e1@10.1.1.1:5060", "sip:e1@10.1.1.2:5062"));
        proxy.table.putScenario(new Scenario("ivr", "acme", 1, "Main", "sales", Map.of(
                "sales", new Step.Forward(new Destination.Employee("e1"), Duration.ofSeconds(20), "sorry"),
                "sorry", new Step.Play("sorry", 1, null))));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Scenario("ivr"), 20,
                new Fallback.HangUp(480)));
        proxy.call(DIALED);
        settle();
        answer = proxy.carrier.sent().stream().filter(m -> !m.isRequest() && m.statusCode() == 200).findFirst()
                .orElseThrow();
        proxy.inDialog("ACK", 1, answer);
        settle();
        caller = media.sessions.get(0);
    }

    @Test
    void vpbxCallsEachPhoneWithItsOwnInviteAndBridgesTheOneThatAnswers() {
        WireMessage toPhone1 = phone1.request("INVITE");
        WireMessage toPhone2 = phone2.request("INVITE");
        assertNotEquals(answer.callId(), toPhone1.callId(), "a dialog of vpbx's own, not the caller's");
        assertNotEquals(toPhone1.callId(), toPhone2.callId(), "each fork its own Call-ID");
        assertEquals(CALLER, io.vpbx.sip.wire.SipUri.parse(Addresses.uri(toPhone1.from())).user(), "the caller's number as caller ID");
        assertNotEquals("caller", toPhone1.fromTag(), "our own From tag");
        ScriptedMedia.Session callee = media.sessions.get(1);
        assertTrue(toPhone1.body().contains("m=audio " + callee.localRtp().getPort()), "the offer is the callee session's");
        assertEquals("ringback x5", caller.played.getLast(), "the caller hears ringing for the 20 s ring timeout");

        respond(phone1, toPhone1, 180, "p1");
        respond(phone2, toPhone2, 200, "p2");

        assertEquals(1, phone2.requests("ACK").size(), "the 2xx is acknowledged");
        assertEquals(1, cancels(phone1), "the other phone stops ringing");
        assertSame(callee, caller.bridgedWith, "the caller's media is bridged with the callee's");
        assertEquals(7000, callee.connected.getLast().rtp().getPort(), "the callee session sends to the phone's SDP");
        assertEquals(Codec.PCMA, callee.connected.getLast().codec());
        assertTrue(proxy.carrier.requests("BYE").isEmpty(), "the caller stays in the call");
    }

    @Test
    void earlyMediaOfAPhoneIsBridgedAtOnceAndRingingResumesWhenThatPhoneFails() {
        WireMessage toPhone1 = phone1.request("INVITE");
        ScriptedMedia.Session callee = media.sessions.get(1);

        proxy.core.receive(SipText.received(Rewrites.responseWithSdp(toPhone1, 183, "Session Progress", "p1", PHONE_SDP)),
                phone1);
        settle();
        assertSame(callee, caller.bridgedWith, "the caller hears the phone's early media");
        assertEquals(7000, callee.connected.getLast().rtp().getPort());

        respond(phone1, toPhone1, 486, "p1");
        assertNull(caller.bridgedWith, "that phone is gone");
        assertEquals(List.of("ringback x5", "ringback x5"),
                caller.played.stream().filter(p -> p.startsWith("ringback")).toList(),
                "our ringing tone again while phone 2 rings");
    }

    @Test
    void theCalleesByeEndsTheCallerCallToo() {
        WireMessage toPhone2 = phone2.request("INVITE");
        WireMessage ok = respond(phone2, toPhone2, 200, "p2");

        byeFrom(phone2, toPhone2, ok);

        assertEquals(200, phone2.sent().getLast().statusCode(), "the callee's BYE is answered");
        assertEquals(1, proxy.carrier.requests("BYE").size(), "and the caller is hung up");
        assertTrue(media.sessions.get(1).closed, "the callee's media is released");
        assertNull(caller.bridgedWith);
        assertTrue(path().contains("reached sip:e1@10.1.1.2:5062"), () -> "path " + path());
    }

    @Test
    void theCallersByeHangsUpTheCallee() {
        WireMessage toPhone2 = phone2.request("INVITE");
        respond(phone2, toPhone2, 200, "p2");

        proxy.inDialog("BYE", 2, answer);
        settle();

        WireMessage bye = phone2.request("BYE");
        assertEquals(toPhone2.callId(), bye.callId());
        assertEquals("p2", bye.toTag());
        assertTrue(media.sessions.get(1).closed);
    }

    @Test
    void aBusyPhoneSendsTheScenarioToItsNoAnswerStep() {
        respond(phone1, phone1.request("INVITE"), 486, "p1");
        respond(phone2, phone2.request("INVITE"), 486, "p2");

        assertTrue(media.sessions.get(1).closed, "the callee's media is released");
        assertEquals("sorry x1", caller.played.getLast(), "the no_answer step plays");
        caller.playEnds();
        settle();
        assertTrue(path().contains("not_answered busy 486"), () -> "path " + path());
        assertEquals(1, proxy.registry.find("vpbx.sip.bridge.forwards").tag("outcome", "busy").counter().count());
    }

    @Test
    void theRingTimeoutCancelsThePhonesAndGoesOn() {
        respond(phone1, phone1.request("INVITE"), 180, "p1");
        respond(phone2, phone2.request("INVITE"), 180, "p2");

        proxy.scheduler.advance(Duration.ofSeconds(21));

        assertEquals(1, cancels(phone1));
        assertEquals(1, cancels(phone2));
        assertEquals("sorry x1", caller.played.getLast());
        caller.playEnds();
        settle();
        assertTrue(path().contains("not_answered no_answer 408"), () -> "path " + path());
    }

    @Test
    void theCallerLeavingWhileThePhonesRingCancelsThem() {
        respond(phone1, phone1.request("INVITE"), 180, "p1");

        proxy.inDialog("BYE", 2, answer);
        settle();

        assertEquals(1, cancels(phone1), "ringing: CANCEL");
        assertEquals(0, cancels(phone2), "no provisional yet: no CANCEL until one comes");
        respond(phone2, phone2.request("INVITE"), 180, "p2");
        assertEquals(1, cancels(phone2), "then the CANCEL goes");
        assertTrue(media.sessions.get(1).closed);
    }

    @Test
    void anAnswerAfterTheCallerLeftIsAcknowledgedAndHungUp() {
        WireMessage toPhone2 = phone2.request("INVITE");
        proxy.inDialog("BYE", 2, answer);
        settle();

        respond(phone2, toPhone2, 200, "p2");

        assertEquals(1, phone2.requests("ACK").size());
        assertEquals(1, phone2.requests("BYE").size(), "nobody is left off hook");
    }

    private void settle() {
        proxy.scheduler.advance(Duration.ZERO);
    }

    /** The phone answers vpbx's INVITE; a 2xx carries its Contact and SDP. */
    private WireMessage respond(RecordingFlow phone, WireMessage invite, int status, String tag) {
        String contact = "<sip:phone@" + phone.remote().getAddress().getHostAddress() + ":" + phone.remote().getPort() + ">";
        byte[] bytes = status == 200
                ? Rewrites.responseWithSdp(invite, status, "OK", tag, PHONE_SDP, "Contact", contact)
                : Rewrites.response(invite, status, status == 180 ? "Ringing" : "Busy Here", tag);
        WireMessage response = WireMessage.parse(bytes);
        proxy.core.receive(SipText.received(bytes), phone);
        settle();
        return response;
    }

    /** The phone hangs up the dialog its 2xx made: a BYE to vpbx's Contact. */
    private void byeFrom(RecordingFlow phone, WireMessage invite, WireMessage ok) {
        String text = """
                BYE %s SIP/2.0
                Via: SIP/2.0/UDP %s:%d;branch=z9hG4bK-phone-bye
                Max-Forwards: 70
                From: %s
                To: %s
                Call-ID: %s
                CSeq: 1 BYE
                Content-Length: 0

                """.formatted(Addresses.uri(invite.first(HeaderId.CONTACT)), phone.remote().getAddress().getHostAddress(),
                phone.remote().getPort(), ok.to(), ok.from(), ok.callId());
        proxy.core.receive(SipText.received(SipText.crlf(text)), phone);
        settle();
    }

    /** CANCELs sent to the phone, retransmissions not counted. */
    private static long cancels(RecordingFlow phone) {
        return phone.requests("CANCEL").stream().map(WireMessage::topViaBranch).distinct().count();
    }

    private List<String> path() {
        return proxy.record().attempts().stream().filter(a -> a.kind().equals("scenario"))
                .map(CallRecord.Attempt::outcome).toList();
    }
}
