package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.CARRIER_IP;
import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.SipText;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.forwarding.Fallback;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, SIP findings 2 to 8 through the whole script (no sockets): what the proxy answers, forwards or drops
 * for each torture message from the carrier.
 */
class TortureTest {
    private final ProxyFixture proxy = new ProxyFixture();
    private final RecordingFlow phone = proxy.network.udp("10.1.1.1", 5060);

    @BeforeEach
    void employeeWithAPhone() {
        proxy.registered.put("e1", List.of("sip:e1@10.1.1.1:5060"));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Employee("e1"), 20,
                new Fallback.HangUp(480)));
    }

    private String invite() {
        return new String(proxy.invite(DIALED).bytes(), StandardCharsets.ISO_8859_1);
    }

    private void send(String text) {
        proxy.core.receive(text, proxy.carrier);
    }

    private double counted(String name, String... tags) {
        return proxy.registry.counter(name, tags).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"To\u0001: <sip:evil@x>", "X-Foo\u0000: bar", "Subject: a\rInjected: b"})
    void aSmuggledHeaderOnAnInviteIs400AndNothingIsForwarded(String line) {
        send(invite().replace("Contact:", line + "\r\nContact:"));

        assertEquals(List.of(400), proxy.carrier.statuses());
        assertEquals(List.of(), phone.sent());
        assertEquals(1.0, counted("vpbx.sip.refused", "code", "400", "check", "header_syntax"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIP/2.0 4294967301 x", "SIP/2.0 99 x", "SIP/2.0 700 x", "SIP/2.0 abc"})
    void aResponseWithABadStatusLineIsDroppedAndCounted(String statusLine) {
        send(invite().replaceFirst("INVITE [^\r]*", statusLine));

        assertEquals(List.of(), proxy.carrier.sent());
        assertEquals(1.0, counted("vpbx.sip.dropped", "reason", "malformed_response"));
    }

    @Test
    void anAckWithoutAMagicCookieIsNeverAnswered() {
        send(invite().replaceFirst("INVITE sip", "ACK sip").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                .replaceFirst(";branch=z9hG4bK-caller-1", ";branch=1"));
        send(invite().replaceFirst("INVITE sip", "ACK sip").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                .replaceFirst(";branch=z9hG4bK-caller-2", "").replace("Call-ID: call-2", "Call-ID: call-2\r\nCall-ID: x"));

        assertEquals(List.of(), proxy.carrier.sent());
        assertEquals(List.of(), phone.sent());
    }

    @Test
    void anRfc2543InviteIsAcceptedAndItsRetransmissionAbsorbed() {
        String invite = invite().replaceFirst(";branch=z9hG4bK-caller-1", "");

        send(invite);
        send(invite);

        assertEquals(1, phone.requests("INVITE").size());
        assertEquals(List.of(), proxy.carrier.statuses(), "no 400: the INVITE is routed; " + proxy.carrier.sent());
        proxy.respond(phone, 486, "Busy Here", "p");
        assertEquals(List.of(486), proxy.carrier.statuses());
    }

    @Test
    void anRfc2543InviteWithAnOldStyleBranchIsCancelledByItsCancel() {
        String invite = invite().replaceFirst(";branch=z9hG4bK-caller-1", ";branch=1");
        send(invite);
        proxy.respond(phone, 180, "Ringing", "p");

        send(invite.replaceFirst("INVITE sip", "CANCEL sip").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL"));

        assertTrue(proxy.carrier.statuses().contains(200), "the CANCEL found its INVITE: " + proxy.carrier.statuses());
        assertEquals(1, phone.requests("CANCEL").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call-ID: again@x", "CSeq: 2 INVITE", "To: <sip:x@y>", "From: <sip:x@y>;tag=b"})
    void aDuplicateSingleValuedFieldIs400(String duplicate) {
        send(invite().replace("Contact:", duplicate + "\r\nContact:"));

        assertEquals(List.of(400), proxy.carrier.statuses());
        assertEquals(List.of(), phone.sent());
    }

    @Test
    void twoMaxForwardsValuesAndAnUnterminatedQuoteAre400() {
        send(invite().replace("Max-Forwards: 70", "Max-Forwards: 70, 71"));
        send(invite().replaceFirst("To: <", "To: \"Mr. J. User <"));

        assertEquals(List.of(400, 400), proxy.carrier.statuses());
        assertEquals(List.of(), phone.sent());
    }

    @Test
    void unknownSchemesAre416() {
        send(SipText.options("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKunksm", "unksm@x")
                .replace("OPTIONS sip:vpbx.example.com", "OPTIONS nobodyKnowsThisScheme:opaque").replace("\n", "\r\n"));
        send(invite().replaceFirst("To: <sip:", "To: <nobody:"));

        assertEquals(List.of(416, 416), proxy.carrier.statuses());
        assertEquals(List.of(), phone.sent());
    }

    @Test
    void requireOnOptionsAndProxyRequireOnInviteAre420WithUnsupported() {
        send(SipText.options("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKreq", "req@x")
                .replace("Accept:", "Require: foo\nAccept:").replace("\n", "\r\n"));
        send(invite().replace("Contact:", "Proxy-Require: bar\r\nContact:"));
        send(invite().replace("Contact:", "Require: 100rel\r\nContact:"));

        assertEquals(List.of(420, 420), proxy.carrier.statuses());
        List<WireMessage> refusals = proxy.carrier.sent().stream().filter(m -> m.statusCode() == 420).toList();
        assertEquals("foo", refusals.get(0).first("Unsupported"));
        assertEquals("bar", refusals.get(1).first("Unsupported"));
        assertEquals(1, phone.requests("INVITE").size(), "Require is forwarded untouched");
    }

    @Test
    void maxForwardsWithLeadingZerosIsRoutedAndOneRuleHoldsForEveryMethod() {
        send(invite().replace("Max-Forwards: 70", "Max-Forwards: 0068"));
        send(invite().replace("Max-Forwards: 70\r\n", ""));
        send(invite().replace("Max-Forwards: 70", "Max-Forwards: 256"));
        send(SipText.options("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKmf1", "mf1@x").replace("Max-Forwards: 70\n", "")
                .replace("\n", "\r\n"));
        send(SipText.options("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKmf2", "mf2@x").replace("Max-Forwards: 70", "Max-Forwards: 256")
                .replace("\n", "\r\n"));

        List<WireMessage> invites = phone.requests("INVITE");
        assertEquals(2, invites.size());
        assertEquals(67, invites.get(0).maxForwardsValue());
        assertEquals(70, invites.get(1).maxForwardsValue(), "a missing Max-Forwards is added as 70 (section 16.6)");
        assertEquals(List.of(400, 200, 400), proxy.carrier.statuses());
    }

    @Test
    void an64KbRequestWhoseAnswerWouldNotFitADatagramGetsASmall513() {
        String huge = "x".repeat(65_200);
        send(SipText.options("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKbig", "big@x")
                .replace("From: \"Alice\"", "From: \"" + huge + "\"").replace("\n", "\r\n"));

        WireMessage answer = proxy.carrier.sent().get(0);
        assertEquals(513, answer.statusCode());
        assertTrue(answer.bytes().length < 1024, answer.bytes().length + " bytes");
        assertEquals("z9hG4bKbig", answer.topVia().branch());
    }

    @Test
    void theSameLargeAnswerGoesWholeOverAStream() {
        RecordingFlow tcp = new RecordingFlow(proxy.carrier.remote(), "TCP");
        String huge = "x".repeat(64_000);
        proxy.core.receive(SipText.received(SipText.crlf(SipText.options("SIP/2.0/TCP " + CARRIER_IP + ":5060;branch=z9hG4bKbig", "big@x")
                .replace("From: \"Alice\"", "From: \"" + huge + "\""))), tcp);

        assertEquals(200, tcp.sent().get(0).statusCode());
    }
}
