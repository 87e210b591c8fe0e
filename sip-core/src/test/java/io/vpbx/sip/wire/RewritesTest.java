package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.SipText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages the proxy sends, built by splicing what it received; checked by reading them back. */
class RewritesTest {

    private static final String OUR_VIA = "SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKvpx.1";
    private static final String OUR_RR = "<sip:203.0.113.1:5060;lr>";
    private static final String BODY = "v=0\no=- 1 1 IN IP4 192.0.2.10\ns=Привет\n";

    /** An INVITE routed to us by a preloaded Route, with credentials for our realm and a body. */
    private static final String INVITE = """
            INVITE sip:+74951230001@vpbx.example.com SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5062;rport;branch=z9hG4bKa
            Via: SIP/2.0/TCP 10.7.7.7;branch=z9hG4bKbelow
            Route: <sip:203.0.113.1:5060;lr>, <sip:edge.example.com;lr>
            Route: <sip:core.example.com;lr>
            Max-Forwards: 70
            To: <sip:+74951230001@vpbx.example.com>
            From: "Алиса" <sip:alice@example.com>;tag=from1
            Call-ID: call-1@192.0.2.10
            CSeq: 10 INVITE
            Proxy-Authorization: Digest username="alice", realm="vpbx", nonce="n", uri="sip:x", response="r"
            Contact: <sip:alice@192.0.2.10:5062>
            Content-Type: application/sdp
            Content-Length: %d

            %s""".formatted(SipText.crlf(BODY).length, BODY);

    private static WireMessage invite() {
        return WireMessage.parse(SipText.crlf(INVITE));
    }

    private static WireMessage forward(WireMessage in, int popRoutes, String received, String... extra) {
        WireMessage out = WireMessage.parse(Rewrites.forward(in, "sip:alice@10.1.1.1:5070", OUR_VIA, List.of(OUR_RR),
                popRoutes, received, extra));
        assertNull(out.problem(), () -> text(out));
        return out;
    }

    @Test
    void aForwardedRequestGetsTheNewRequestUriOurViaOnTopAndOurRecordRoute() {
        WireMessage out = forward(invite(), 1, null);

        assertTrue(text(out).startsWith("INVITE sip:alice@10.1.1.1:5070 SIP/2.0\r\nVia: " + OUR_VIA + "\r\n"), text(out));
        assertEquals(List.of(OUR_VIA, "SIP/2.0/UDP 192.0.2.10:5062;rport;branch=z9hG4bKa", "SIP/2.0/TCP 10.7.7.7;branch=z9hG4bKbelow"),
                out.vias());
        assertEquals(List.of(OUR_RR), out.values(HeaderId.RECORD_ROUTE));
        assertEquals("call-1@192.0.2.10", out.callId());
        assertEquals(10, out.cseqNumber());
    }

    @Test
    void maxForwardsIsDecrementedOrAddedAs70() {
        assertEquals(69, forward(invite(), 1, null).maxForwardsValue());
        WireMessage without = WireMessage.parse(SipText.crlf(INVITE.replace("Max-Forwards: 70\n", "")));
        assertEquals(70, forward(without, 1, null).maxForwardsValue());
        assertEquals(1, forward(invite(), 1, null).values(HeaderId.MAX_FORWARDS).size());
    }

    @Test
    void ourTopRouteIsPoppedAndTheOtherRoutesKeptInOrder() {
        assertEquals(List.of("<sip:edge.example.com;lr>", "<sip:core.example.com;lr>"),
                forward(invite(), 1, null).values(HeaderId.ROUTE));
        assertEquals(List.of("<sip:203.0.113.1:5060;lr>", "<sip:edge.example.com;lr>", "<sip:core.example.com;lr>"),
                forward(invite(), 0, null).values(HeaderId.ROUTE), "a Route that is not ours stays");

        WireMessage single = WireMessage.parse(SipText.crlf(INVITE.replace(
                "Route: <sip:203.0.113.1:5060;lr>, <sip:edge.example.com;lr>\n", "Route: <sip:203.0.113.1:5060;lr>\n")));
        WireMessage out = forward(single, 1, null);
        assertEquals(List.of("<sip:core.example.com;lr>"), out.values(HeaderId.ROUTE));
        assertFalse(text(out).contains("203.0.113.1:5060;lr>,"), text(out));
    }

    @Test
    void bothOfOurRoutesArePoppedWhenWeRecordRoutedTwice() {
        // the first two values stand for our two Record-Route entries (RFC 5658), across a line break
        assertEquals(List.of("<sip:core.example.com;lr>"), forward(invite(), 2, null).values(HeaderId.ROUTE));
        WireMessage none = forward(invite(), 3, null);
        assertEquals(List.of(), none.values(HeaderId.ROUTE));
        assertFalse(text(none).contains("\r\nRoute:"), text(none));
    }

    @Test
    void proxyAuthorizationForOurRealmIsNotPassedOn() {
        WireMessage out = forward(invite(), 1, null);

        assertNull(out.first(HeaderId.PROXY_AUTHORIZATION));
        assertFalse(text(out).contains("Digest"), text(out));
    }

    @Test
    void theBodyIsCopiedByteForByteWithItsLength() {
        byte[] body = SipText.crlf(BODY);
        WireMessage out = forward(invite(), 1, null);

        assertEquals(Integer.toString(body.length), out.first(HeaderId.CONTENT_LENGTH));
        assertEquals(1, out.values(HeaderId.CONTENT_LENGTH).size());
        assertArrayEquals(body, Arrays.copyOfRange(out.bytes(), out.bodyStart(), out.bodyStart() + out.bodyLength()));
    }

    @Test
    void bytesOfADatagramAfterItsContentLengthAreNotForwarded() {
        byte[] body = SipText.crlf(BODY);
        WireMessage padded = WireMessage.parse(SipText.crlf(INVITE + "\0\0PADDING"));

        WireMessage out = forward(padded, 1, null);

        assertEquals(Integer.toString(body.length), out.first(HeaderId.CONTENT_LENGTH));
        assertArrayEquals(body, Arrays.copyOfRange(out.bytes(), out.bodyStart(), out.bytes().length));
    }

    @Test
    void fieldsTheProxyDoesNotReadPassAsTheyCame() {
        String out = new String(forward(invite(), 1, null).bytes(), StandardCharsets.UTF_8);

        assertTrue(out.contains("\r\nFrom: \"Алиса\" <sip:alice@example.com>;tag=from1\r\n"), out);
        assertTrue(out.contains("\r\nContact: <sip:alice@192.0.2.10:5062>\r\nContent-Type: application/sdp\r\n"), out);
    }

    @Test
    void thePreviousHopsViaIsStampedWithWhereTheRequestCameFrom() {
        WireMessage out = forward(invite(), 1, ";received=198.51.100.1;rport=40000");

        assertEquals("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa;received=198.51.100.1;rport=40000", out.vias().get(1));
        Via stamped = Via.parse(out.vias().get(1));
        assertEquals(40000, stamped.rport());
        assertEquals("198.51.100.1", stamped.received());
        assertEquals(3, out.vias().size());
    }

    @Test
    void onlyEmptyRportFlagsAreDroppedBeforeTheStamp() {
        assertEquals("SIP/2.0/UDP h;branch=z9hG4bKa", Rewrites.withoutRportFlag("SIP/2.0/UDP h;branch=z9hG4bKa;RPORT"));
        assertEquals("SIP/2.0/UDP h ;branch=z9hG4bKa", Rewrites.withoutRportFlag("SIP/2.0/UDP h; rport ;branch=z9hG4bKa"));
        assertEquals("SIP/2.0/UDP h;rport=5062;branch=z9hG4bKa",
                Rewrites.withoutRportFlag("SIP/2.0/UDP h;rport=5062;branch=z9hG4bKa"), "a filled rport stays");
        assertEquals("SIP/2.0/UDP h;rportx;x=rport", Rewrites.withoutRportFlag("SIP/2.0/UDP h;rportx;x=rport"));
    }

    @Test
    void extraHeadersAreAdded() {
        WireMessage out = forward(invite(), 1, null, "P-Asserted-Identity", "<sip:+74951230002@vpbx.example.com>");

        assertEquals("<sip:+74951230002@vpbx.example.com>", out.first(HeaderId.P_ASSERTED_IDENTITY));
    }

    @Test
    void aResponseGoingUpstreamLosesOnlyOurVia() {
        String response = """
                SIP/2.0 180 Ringing
                Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKvpx.1
                Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa;received=198.51.100.1
                To: <sip:b@example.com>;tag=to1
                From: <sip:a@example.com>;tag=from1
                Call-ID: c
                CSeq: 10 INVITE
                Content-Length: 4

                abcd""";

        byte[] popped = Rewrites.popVia(WireMessage.parse(SipText.crlf(response)));

        assertArrayEquals(SipText.crlf(response.replace("Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKvpx.1\n", "")), popped);
    }

    @Test
    void aRelayedResponseEndsWithItsContentLength() {
        String response = "SIP/2.0 180 Ringing\nVia: " + OUR_VIA + "\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa\n"
                + "To: <sip:b@example.com>;tag=to1\nFrom: <sip:a@example.com>;tag=from1\nCall-ID: c\nCSeq: 10 INVITE\n"
                + "Content-Length: 2\n\nokPADDING";

        byte[] popped = Rewrites.popVia(WireMessage.parse(SipText.crlf(response)));

        assertTrue(new String(popped, StandardCharsets.ISO_8859_1).endsWith("Content-Length: 2\r\n\r\nok"));
    }

    @Test
    void whenOurViaSharesItsLineTheOtherValuesStay() {
        String response = """
                SIP/2.0 200 OK
                v: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKvpx.1 , SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa
                Via: SIP/2.0/TCP 10.7.7.7;branch=z9hG4bKbelow
                To: <sip:b@example.com>;tag=to1
                From: <sip:a@example.com>;tag=from1
                Call-ID: c
                CSeq: 10 INVITE
                Content-Length: 3

                xyz""";

        WireMessage popped = WireMessage.parse(Rewrites.popVia(WireMessage.parse(SipText.crlf(response))));

        assertNull(popped.problem());
        assertEquals(List.of("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa", "SIP/2.0/TCP 10.7.7.7;branch=z9hG4bKbelow"), popped.vias());
        assertEquals(200, popped.statusCode());
        assertTrue(text(popped).endsWith("\r\n\r\nxyz"), text(popped));
    }

    @Test
    void theValuesLeftInOurViaLineAreTrimmedAndJoinedWithACommaAndASpace() {
        String response = "SIP/2.0 180 Ringing\nVia: " + OUR_VIA + " ,SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa  ,\t"
                + "SIP/2.0/UDP \"x,y\";branch=z9hG4bKq ,, SIP/2.0/TCP 10.7.7.7;branch=z9hG4bKb \t\n"
                + "To: <sip:b@example.com>;tag=to1\nFrom: <sip:a@example.com>;tag=from1\nCall-ID: c\nCSeq: 10 INVITE\n"
                + "Content-Length: 0\n\n";

        String popped = new String(Rewrites.popVia(WireMessage.parse(SipText.crlf(response))), StandardCharsets.ISO_8859_1);

        assertTrue(popped.startsWith("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa, "
                + "SIP/2.0/UDP \"x,y\";branch=z9hG4bKq, , SIP/2.0/TCP 10.7.7.7;branch=z9hG4bKb\r\nTo: "), popped);
    }

    @Test
    void ourOwnResponseCopiesTheFieldsOfSection8_2_6AndAddsAToTag() {
        String response = text(WireMessage.parse(Rewrites.response(invite(), 404, "Not Found", "tag42", "Retry-After", "5")));

        assertEquals(String.join("\r\n",
                "SIP/2.0 404 Not Found",
                "Via: SIP/2.0/UDP 192.0.2.10:5062;rport;branch=z9hG4bKa",
                "Via: SIP/2.0/TCP 10.7.7.7;branch=z9hG4bKbelow",
                "To: <sip:+74951230001@vpbx.example.com>;tag=tag42",
                "From: \"Алиса\" <sip:alice@example.com>;tag=from1",
                "Call-ID: call-1@192.0.2.10",
                "CSeq: 10 INVITE",
                "Retry-After: 5",
                "Content-Length: 0", "", ""), new String(response.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    @Test
    void aTryingOrARequestInADialogKeepsItsTo() {
        WireMessage trying = WireMessage.parse(Rewrites.response(invite(), 100, "Trying", "tag42"));
        WireMessage inDialog = WireMessage.parse(SipText.crlf(INVITE.replace("To: <sip:+74951230001@vpbx.example.com>",
                "To: <sip:+74951230001@vpbx.example.com>;tag=callee")));

        assertNull(trying.toTag());
        assertEquals("callee", WireMessage.parse(Rewrites.response(inDialog, 481, "Gone", "tag42")).toTag());
    }

    @Test
    void theCancelOfAForwardedInviteNamesTheSameTransaction() {
        WireMessage forwarded = forward(invite(), 1, null);

        WireMessage cancel = WireMessage.parse(Rewrites.cancel(forwarded));

        assertNull(cancel.problem());
        assertEquals("CANCEL", cancel.method());
        assertEquals("sip:alice@10.1.1.1:5070", cancel.requestUri());
        assertEquals(List.of(OUR_VIA), cancel.vias(), "only our Via: the CANCEL is ours, hop by hop");
        assertEquals(forwarded.values(HeaderId.ROUTE), cancel.values(HeaderId.ROUTE));
        assertEquals(forwarded.from(), cancel.from());
        assertEquals(forwarded.to(), cancel.to());
        assertEquals(forwarded.callId(), cancel.callId());
        assertEquals("10 CANCEL", cancel.first(HeaderId.CSEQ));
        assertEquals(0, cancel.bodyLength());
    }

    @Test
    void theAckOfANon2xxTakesToFromTheResponse() {
        WireMessage forwarded = forward(invite(), 1, null);
        WireMessage busy = WireMessage.parse(Rewrites.response(forwarded, 486, "Busy Here", "callee-tag"));

        WireMessage ack = WireMessage.parse(Rewrites.ack(forwarded, busy));

        assertNull(ack.problem());
        assertEquals("ACK", ack.method());
        assertEquals(forwarded.requestUri(), ack.requestUri());
        assertEquals(OUR_VIA, ack.vias().get(0));
        assertEquals("callee-tag", ack.toTag());
        assertEquals("10 ACK", ack.first(HeaderId.CSEQ));
        assertEquals(forwarded.values(HeaderId.ROUTE), ack.values(HeaderId.ROUTE));
    }

    @Test
    void aRequestOfOursInTheDialogGoesToTheContactWithTheNextCSeq() {
        WireMessage ok = WireMessage.parse(SipText.crlf("""
                SIP/2.0 200 OK
                Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKvpx.1
                To: <sip:+74951230001@vpbx.example.com>;tag=callee
                From: <sip:alice@example.com>;tag=from1
                Call-ID: call-1
                CSeq: 10 INVITE
                Contact: <sip:bob@10.1.1.1:5070;transport=udp>
                Content-Length: 0

                """));

        WireMessage bye = WireMessage.parse(Rewrites.inDialog("BYE", ok, "SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKvpx.2", 1));

        assertNull(bye.problem());
        assertEquals("sip:bob@10.1.1.1:5070;transport=udp", bye.requestUri());
        assertEquals("callee", bye.toTag());
        assertEquals("from1", bye.fromTag());
        assertEquals(11, bye.cseqNumber());
        assertEquals("BYE", bye.cseqMethod());
        assertEquals("10 ACK", WireMessage.parse(Rewrites.inDialog("ACK", ok, OUR_VIA, 0)).first(HeaderId.CSEQ));
    }

    private static String text(WireMessage message) {
        return new String(message.bytes(), StandardCharsets.ISO_8859_1);
    }
}
