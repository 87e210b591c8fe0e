package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.CARRIER_IP;
import static io.vpbx.sip.proxy.ProxyFixture.CALLER;
import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.config.VoicemailConfig;
import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.Recording;
import io.vpbx.media.RemoteMedia;
import io.vpbx.sip.SipText;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The answering leg's SIP side on the fake clock: what the caller gets (200 with SDP, 183, 488, 503, 487, 480, 481),
 * the 2xx repeated until the ACK, vpbx's BYE, re-INVITEs and holds, the call record, and which voicemails reach the
 * sink. The media itself is {@link ScriptedMedia}; AnsweringCallTest proves it over RTP.
 */
class AnsweringLegTest {
    private static final String OFFER = """
            v=0
            o=caller 1 1 IN IP4 10.0.0.1
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            m=audio 4000 RTP/AVP %s
            a=rtpmap:18 G729/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:96 telephone-event/8000
            a=fmtp:96 0-16
            a=ptime:20
            %s""";
    private static final AudioClip MESSAGE = new AudioClip("welcome", new short[8000]);
    private static final AudioClip GREETING = new AudioClip("greeting", new short[8000]);
    private static final AudioClip BEEP = new AudioClip("beep", new short[800]);

    private final ScriptedMedia media = new ScriptedMedia(4);
    private final List<NewVoicemail> voicemails = new ArrayList<>();
    private CompletableFuture<Optional<AudioClip>> clip = CompletableFuture.completedFuture(Optional.of(MESSAGE));
    private final ProxyFixture proxy = new ProxyFixture(new AnswerServices(media, (account, id) -> clip, voicemails::add,
            new VoicemailConfig(Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofDays(30)),
            GREETING, BEEP));
    private int branch;

    private void fallback(Fallback fallback) {
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Employee("nobody"), 20, fallback));
    }

    /** The carrier's INVITE with an offer of these payload types (a= direction line optional), or none. */
    private WireMessage call(String formats, String direction) {
        String body = formats == null ? "" : OFFER.formatted(formats, direction == null ? "" : "a=" + direction + "\n");
        String text = """
                INVITE sip:%s@%s:%d SIP/2.0
                Via: SIP/2.0/UDP %s:5060;branch=z9hG4bK-invite
                Max-Forwards: 70
                To: <sip:%s@%s>
                From: <sip:%s@%s>;tag=caller
                Call-ID: local-1@carrier.example
                CSeq: 1 INVITE
                Contact: <sip:%s@%s:5060>
                Record-Route: <sip:edge.carrier.example;lr>
                %sContent-Length: %d

                %s""".formatted(DIALED, FakeNetwork.US, FakeNetwork.PORT, CARRIER_IP, DIALED, FakeNetwork.US, CALLER,
                CARRIER_IP, CALLER, CARRIER_IP, formats == null ? "" : "Content-Type: application/sdp\n",
                SipText.crlf(body).length, body);
        WireMessage invite = WireMessage.parse(SipText.crlf(text));
        proxy.fromCarrier(invite);
        settle();
        return invite;
    }

    /** Runs what is due now: media and clip completions come back to the event loop through the scheduler. */
    private void settle() {
        proxy.scheduler.advance(Duration.ZERO);
    }

    /** A request of the caller within the dialog {@code answer} made (to vpbx's Contact), with an optional SDP body. */
    private void inDialog(String method, long cseq, WireMessage answer, String body) {
        String sdp = body == null ? "" : body;
        String text = """
                %s %s SIP/2.0
                Via: SIP/2.0/UDP %s:5060;branch=z9hG4bK-in-dialog-%d
                Max-Forwards: 70
                To: %s
                From: %s
                Call-ID: %s
                CSeq: %d %s
                %sContent-Length: %d

                %s""".formatted(method, Addresses.uri(answer.first(HeaderId.CONTACT)), CARRIER_IP, ++branch, answer.to(),
                answer.from(), answer.callId(), cseq, method, body == null ? "" : "Content-Type: application/sdp\n",
                SipText.crlf(sdp).length, sdp);
        proxy.fromCarrier(WireMessage.parse(SipText.crlf(text)));
        settle();
    }

    private WireMessage lastResponse(int status) {
        List<WireMessage> found = proxy.carrier.sent().stream().filter(m -> !m.isRequest() && m.statusCode() == status).toList();
        assertFalse(found.isEmpty(), () -> "no " + status + " in " + proxy.carrier.sent());
        return WireMessage.parse(found.get(found.size() - 1).bytes());
    }

    private long count(int status) {
        return proxy.carrier.sent().stream().filter(m -> !m.isRequest() && m.statusCode() == status).count();
    }

    @Test
    void aVoiceMessageIsAnsweredWithTheCallersFirstCommonCodecAndItsTelephoneEventType() {
        fallback(new Fallback.VoiceMessage("welcome"));

        call("18 8 0 96", null);

        WireMessage ok = lastResponse(200);
        String sdp = ok.body();
        assertTrue(sdp.contains("m=audio 20000 RTP/AVP 8 96"), sdp);
        assertTrue(sdp.contains("a=rtpmap:96 telephone-event/8000"), sdp);
        assertTrue(sdp.contains("a=ptime:20"), sdp);
        assertTrue(sdp.contains("c=IN IP4 192.0.2.10"), sdp);
        assertNotNull(ok.toTag());
        assertTrue(ok.first(HeaderId.CONTACT).contains(FakeNetwork.US), ok.first(HeaderId.CONTACT));
        RemoteMedia remote = media.last().connected.get(0);
        assertEquals(Codec.PCMA, remote.codec());
        assertEquals(96, remote.telephoneEventType());
        assertEquals(4000, remote.rtp().getPort());
        assertTrue(remote.send());
        assertEquals(List.of(), media.last().played, "the message waits for the ACK");
    }

    @Test
    void theTwoHundredIsRepeatedAtDoublingIntervalsUntilTheAckThenTheMessagePlaysAndVpbxHangsUp() {
        fallback(new Fallback.VoiceMessage("welcome", 2, false, 480));
        call("0 96", null);
        WireMessage ok = lastResponse(200);

        proxy.scheduler.advance(Duration.ofMillis(500));
        assertEquals(2, count(200), "T1");
        proxy.scheduler.advance(Duration.ofMillis(1000));
        assertEquals(3, count(200), "2*T1");
        proxy.scheduler.advance(Duration.ofMillis(1999));
        assertEquals(3, count(200), "not before 4*T1");
        inDialog("ACK", 1, ok, null);
        proxy.scheduler.advance(Duration.ofSeconds(10));
        assertEquals(3, count(200), "the ACK stopped it");

        assertEquals(List.of("welcome x2"), media.last().played);
        media.last().playEnds();
        settle();

        WireMessage bye = proxy.carrier.request("BYE");
        assertTrue(bye.requestUri().startsWith("sip:" + CALLER + "@" + CARRIER_IP), bye.requestUri());
        assertEquals(List.of("<sip:edge.carrier.example;lr>"), bye.values(HeaderId.ROUTE));
        assertEquals(ok.to(), bye.from());
        assertEquals("BYE", bye.cseqMethod());
        assertTrue(media.last().closed);
        CallRecord record = proxy.record();
        assertEquals(CallRecord.Result.ANSWERED, record.result());
        assertEquals("voice_message", record.fallback());
        assertNotNull(record.answeredAt());
        assertEquals(Duration.ofMillis(500 + 1000 + 1999 + 10_000), Duration.between(record.answeredAt(), record.endedAt()));
    }

    @Test
    void withoutAnAckWithin64T1VpbxHangsUp() {
        fallback(new Fallback.VoiceMessage("welcome"));
        call("0", null);

        proxy.scheduler.advance(Duration.ofSeconds(31));
        assertEquals(List.of(), proxy.carrier.requests("BYE"));
        proxy.scheduler.advance(Duration.ofSeconds(1));

        assertEquals(1, proxy.carrier.requests("BYE").size());
        // T1, 2T1, 4T1, then every T2 until 64*T1: 500, 1500, 3500, 7500, 11500 ... 31500
        assertEquals(1 + 10, count(200));
        assertTrue(media.last().closed);
        assertEquals(List.of(), media.last().played);
    }

    @Test
    void anOfferWithOnlyG729Gets488WithAWarning() {
        fallback(new Fallback.VoiceMessage("welcome"));

        call("18", null);

        WireMessage refused = lastResponse(488);
        assertEquals("305 " + FakeNetwork.US + ":" + FakeNetwork.PORT + " \"Incompatible media format\"", refused.first("Warning"));
        assertEquals(0, media.activeSessions());
        assertEquals(1.0, proxy.registry.get("vpbx.sip.answered.locally.refused").tag("status", "488").counter().count());
        assertEquals(488, proxy.record().finalCode());
    }

    @Test
    void noFreeRtpPortGets503WithRetryAfter() {
        fallback(new Fallback.VoiceMessage("welcome"));
        ScriptedMedia full = media;
        for (int i = 0; i < 4; i++) {
            full.open("other-" + i);
        }

        call("0", null);

        assertEquals("5", lastResponse(503).first("Retry-After"));
    }

    @Test
    void aDeletedClipGetsTheStandard480SayingSo() {
        fallback(new Fallback.VoiceMessage("gone"));
        clip = CompletableFuture.completedFuture(Optional.empty());

        call("0", null);

        assertEquals("Temporarily Unavailable (voice message deleted)", lastResponse(480).reasonPhrase());
        assertEquals(0, media.sessions.size());
    }

    @Test
    void aCancelBeforeTheAnswerGets487AndNoSessionIsLeftOpen() {
        fallback(new Fallback.VoiceMessage("welcome"));
        clip = new CompletableFuture<>();
        WireMessage invite = call("0", null);

        proxy.cancel(invite);
        clip.complete(Optional.of(MESSAGE));
        settle();

        assertEquals(1, count(487));
        assertEquals(0, count(183) + proxy.carrier.sent().stream().filter(m -> !m.isRequest() && m.statusCode() == 200
                && "INVITE".equals(m.cseqMethod())).count());
        assertEquals(0, media.activeSessions());
        assertEquals(CallRecord.Result.CANCELLED, proxy.record().result());
    }

    @Test
    void earlyMediaPlaysIn183ThenRejectsWithoutAnswering() {
        fallback(new Fallback.VoiceMessage("welcome", 1, true, 486));
        call("0", null);

        WireMessage progress = lastResponse(183);
        assertTrue(progress.body().contains("m=audio 20000 RTP/AVP 0"), progress.body());
        assertEquals(List.of("welcome x1"), media.last().played);
        media.last().playEnds();
        settle();

        assertEquals(1, count(486));
        assertEquals(0, count(200));
        assertTrue(media.last().closed);
        assertEquals(486, proxy.record().finalCode());
        assertEquals(null, proxy.record().answeredAt());
    }

    @Test
    void theCallersByeEndsTheMessageAndClosesItsMedia() {
        fallback(new Fallback.VoiceMessage("welcome"));
        call("0", null);
        WireMessage ok = lastResponse(200);
        inDialog("ACK", 1, ok, null);

        inDialog("BYE", 2, ok, null);

        assertEquals(2, count(200), "the INVITE's and the BYE's");
        assertTrue(media.last().closed);
        assertEquals(List.of(), proxy.carrier.requests("BYE"));
        assertEquals(CallRecord.Result.ANSWERED, proxy.record().result());
        assertEquals(0, proxy.core.activeCalls());
    }

    @Test
    void aReInviteToHoldIsAnsweredRecvonlyAndPausesSendingThenResumes() {
        fallback(new Fallback.VoiceMessage("welcome"));
        call("0 96", null);
        WireMessage ok = lastResponse(200);
        inDialog("ACK", 1, ok, null);

        inDialog("INVITE", 2, ok, OFFER.formatted("0 96", "a=sendonly\n"));
        WireMessage held = lastResponse(200);
        assertTrue(held.body().contains("a=recvonly"), held.body());
        assertTrue(held.body().contains("o=vpbx " ), held.body());
        assertFalse(media.last().connected.get(1).send());
        inDialog("ACK", 2, ok, null);

        inDialog("INVITE", 3, ok, OFFER.formatted("0 96", "a=inactive\n"));
        assertTrue(lastResponse(200).body().contains("a=inactive"));
        inDialog("ACK", 3, ok, null);

        inDialog("INVITE", 4, ok, OFFER.formatted("0 96", "a=sendrecv\n").replace("c=IN IP4 10.0.0.1", "c=IN IP4 10.0.0.9"));
        assertTrue(lastResponse(200).body().contains("a=sendrecv"));
        RemoteMedia resumed = media.last().connected.get(3);
        assertTrue(resumed.send());
        assertEquals("10.0.0.9", resumed.rtp().getAddress().getHostAddress());
    }

    @Test
    void anInviteWithoutSdpGetsOurOfferAndTheAckCarriesTheAnswer() {
        fallback(new Fallback.VoiceMessage("welcome"));
        call(null, null);
        WireMessage ok = lastResponse(200);
        assertTrue(ok.body().contains("m=audio 20000 RTP/AVP 0 8 101"), ok.body());
        assertEquals(List.of(), media.last().connected);

        inDialog("ACK", 1, ok, OFFER.formatted("8 101", "").replace("a=rtpmap:96", "a=rtpmap:101").replace("fmtp:96", "fmtp:101"));

        RemoteMedia remote = media.last().connected.get(0);
        assertEquals(Codec.PCMA, remote.codec());
        assertEquals(101, remote.telephoneEventType());
        assertEquals(List.of("welcome x1"), media.last().played);
    }

    @Test
    void aReInviteWithoutSdpGetsOurOfferAndItsAckTheAnswer() {
        fallback(new Fallback.VoiceMessage("welcome"));
        call("0 96", null);
        WireMessage ok = lastResponse(200);
        inDialog("ACK", 1, ok, null);

        inDialog("INVITE", 2, ok, null);
        WireMessage offer = lastResponse(200);
        assertTrue(offer.body().contains("m=audio 20000 RTP/AVP 0 8 101"), offer.body());
        assertTrue(offer.body().contains("o=vpbx " ), offer.body());
        inDialog("ACK", 2, ok, OFFER.formatted("8 96", "").replace("c=IN IP4 10.0.0.1", "c=IN IP4 10.0.0.7"));

        RemoteMedia moved = media.last().connected.get(1);
        assertEquals(Codec.PCMA, moved.codec());
        assertEquals("10.0.0.7", moved.rtp().getAddress().getHostAddress());
    }

    @Test
    void optionsAndInfoInTheDialogAreAnswered() {
        fallback(new Fallback.VoiceMessage("welcome"));
        call("0", null);
        WireMessage ok = lastResponse(200);
        inDialog("ACK", 1, ok, null);

        inDialog("OPTIONS", 2, ok, null);
        assertTrue(lastResponse(200).first("Allow").contains("INVITE"));
        inDialog("INFO", 3, ok, null);
        assertEquals("INFO", lastResponse(200).cseqMethod());
        inDialog("MESSAGE", 4, ok, null);
        assertEquals(1, count(405));
    }

    @Test
    void requestsForDialogsVpbxDoesNotHaveGet481AndTheProxyGoesOnServing() {
        fallback(new Fallback.VoiceMessage("welcome"));
        call("0", null);
        WireMessage ok = lastResponse(200);
        WireMessage stranger = WireMessage.parse(new String(ok.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace(";tag=" + ok.toTag(), ";tag=unknown").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        for (int i = 0; i < 200; i++) {
            inDialog(i % 2 == 0 ? "BYE" : "INVITE", 10 + i, stranger, i % 2 == 0 ? null : OFFER.formatted("0", ""));
        }

        assertEquals(200, count(481));
        inDialog("ACK", 1, ok, null);
        assertEquals(List.of("welcome x1"), media.last().played, "the real call goes on");
    }

    @Test
    void voicemailPlaysTheGreetingAndBeepThenRecordsUntilHashAndHandsTheWavOver() {
        fallback(new Fallback.Voicemail(List.of("boss@acme.example"), null));
        call("0 96", null);
        WireMessage ok = lastResponse(200);
        inDialog("ACK", 1, ok, null);
        ScriptedMedia.Session session = media.last();

        assertEquals(List.of("greeting x1"), session.played);
        session.playEnds();
        settle();
        assertEquals(List.of("greeting x1", "beep x1"), session.played);
        session.playEnds();
        settle();
        assertEquals(Duration.ofMinutes(3), session.recordings.get(0).maxLength());
        assertEquals(Duration.ofSeconds(5), session.recordings.get(0).silence());
        assertTrue(session.recordings.get(0).hashEnds());
        session.recordingEnds(new short[8000 * 4], Recording.Ended.HASH);
        settle();

        assertEquals(1, voicemails.size());
        NewVoicemail voicemail = voicemails.get(0);
        assertEquals("acme", voicemail.accountId());
        assertEquals(DIALED, voicemail.calledNumber());
        assertEquals(Duration.ofSeconds(4), voicemail.length());
        assertEquals(44 + 8000 * 4 * 2, voicemail.wav().length);
        assertEquals(List.of("boss@acme.example"), voicemail.recipients());
        assertEquals(1, proxy.carrier.requests("BYE").size());
        assertEquals("voicemail", proxy.record().fallback());
    }

    @Test
    void aByeDuringTheGreetingLeavesNoMessageAndReleasesTheSession() {
        fallback(new Fallback.Voicemail(List.of("boss@acme.example"), null));
        call("0", null);
        WireMessage ok = lastResponse(200);
        inDialog("ACK", 1, ok, null);

        inDialog("BYE", 2, ok, null);

        assertEquals(List.of(), voicemails);
        assertEquals(List.of(), media.last().recordings);
        assertEquals(0, media.activeSessions());
    }

    @Test
    void aByeWhileRecordingKeepsTheMessage() {
        fallback(new Fallback.Voicemail(List.of("boss@acme.example"), null));
        call("0", null);
        WireMessage ok = lastResponse(200);
        inDialog("ACK", 1, ok, null);
        media.last().playEnds();
        settle();
        media.last().playEnds();
        settle();
        assertTrue(media.last().recording());

        inDialog("BYE", 2, ok, null);

        assertEquals(1, voicemails.size(), "the three seconds recorded are kept");
        assertEquals(List.of(), proxy.carrier.requests("BYE"));
        assertEquals(0, media.activeSessions());
    }

    @Test
    void aRecordingShorterThanTheMinimumIsDiscarded() {
        fallback(new Fallback.Voicemail(List.of("boss@acme.example"), null));
        call("0", null);
        inDialog("ACK", 1, lastResponse(200), null);
        media.last().playEnds();
        settle();
        media.last().playEnds();
        settle();

        media.last().recordingEnds(new short[8000], Recording.Ended.SILENCE);
        settle();

        assertEquals(List.of(), voicemails);
        assertEquals(1, proxy.carrier.requests("BYE").size());
    }
}
