package io.vpbx.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import org.junit.jupiter.api.Test;

/** The responder alone; replies are checked by parsing them with JAIN-SIP, an independent reader. */
class StatelessResponderTest {

    private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.10", 5062);
    private static final String VIA = "SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKnashds7";

    private static final int MAX_HEADERS = 20;
    /** The eight header fields of {@link SipText#options}. */
    private static final int OPTIONS_FIELDS = 8;

    private final StatelessResponder responder = new StatelessResponder("vpbx-test", MAX_HEADERS);

    @Test
    void optionsGets200WithEveryViaInOrderAndAToTag() throws ParseException {
        byte[] request = SipText.crlf("""
                OPTIONS sip:vpbx.example.com SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKtop
                Via: SIP/2.0/TCP proxy1.example.com;branch=z9hG4bKmid1, SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bKmid2
                Via: SIP/2.0/UDP ua.example.com;branch=z9hG4bKbottom;received=198.51.100.1
                Max-Forwards: 70
                To: <sip:vpbx.example.com>
                From: "Alice" <sip:alice@example.com>;tag=1928301774
                Call-ID: a84b4c76e66710@pc33.example.com
                CSeq: 63104 OPTIONS
                Content-Length: 0

                """);

        SIPResponse response = parse(answer(request, 200, "OK"));

        assertEquals(List.of(
                "SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKtop",
                "SIP/2.0/TCP proxy1.example.com;branch=z9hG4bKmid1",
                "SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bKmid2",
                "SIP/2.0/UDP ua.example.com;branch=z9hG4bKbottom;received=198.51.100.1"), viaTexts(response));
        FromHeader from = (FromHeader) response.getHeader(FromHeader.NAME);
        assertEquals("1928301774", from.getTag());
        assertEquals("Alice", from.getAddress().getDisplayName());
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        assertEquals("sip:vpbx.example.com", to.getAddress().getURI().toString());
        assertNotNull(to.getTag());
        assertFalse(to.getTag().isEmpty());
        assertEquals("a84b4c76e66710@pc33.example.com", ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        assertEquals(63104L, cseq.getSeqNumber());
        assertEquals("OPTIONS", cseq.getMethod());
        assertEquals(0, response.getContentLength().getContentLength());
        for (String name : List.of("Allow", "Accept", "Accept-Encoding", "Accept-Language", "Supported", "Server")) {
            assertNotNull(response.getHeader(name), name);
        }
        assertTrue(response.getHeader("Allow").toString().contains("OPTIONS"));
        assertTrue(response.getHeader("Server").toString().contains("vpbx-test"));
    }

    @Test
    void toTagIsTheSameForARetransmissionAndDiffersBetweenRequests() throws ParseException {
        String first = toTag(answer(SipText.crlf(SipText.options(VIA, "call-1@example.com")), 200, "OK"));
        String again = toTag(answer(SipText.crlf(SipText.options(VIA, "call-1@example.com")), 200, "OK"));
        String other = toTag(answer(SipText.crlf(SipText.options(VIA, "call-2@example.com")), 200, "OK"));

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void toTagOfTheRequestIsKept() throws ParseException {
        byte[] request = SipText.crlf(SipText.options(VIA, "c@example.com")
                .replace("To: <sip:vpbx.example.com>", "To: <sip:vpbx.example.com>;tag=existing"));

        SIPResponse response = parse(answer(request, 200, "OK"));

        assertEquals("existing", ((ToHeader) response.getHeader(ToHeader.NAME)).getTag());
        assertEquals(1, count(response, ToHeader.NAME));
    }

    @Test
    void aMethodTheLocalUasDoesNotServeGets501() throws ParseException {
        byte[] request = SipText.crlf("""
                INVITE sip:bob@example.com SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK776asdhds
                Max-Forwards: 70
                To: Bob <sip:bob@example.com>
                From: Alice <sip:alice@example.com>;tag=1928301774
                Call-ID: a84b4c76e66710@pc33.example.com
                CSeq: 314159 INVITE
                Contact: <sip:alice@192.0.2.10:5062>
                Content-Type: application/sdp
                Content-Length: 4

                v=0
                """);

        SIPResponse response = parse(answer(request, 501, "Not Implemented"));

        assertEquals("INVITE", ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod());
        assertNotNull(((ToHeader) response.getHeader(ToHeader.NAME)).getTag());
        assertNull(response.getHeader("Allow"));
    }

    @Test
    void otherMethodsGet501Too() {
        for (String method : List.of("REGISTER", "BYE", "CANCEL", "SUBSCRIBE", "MESSAGE")) {
            byte[] request = SipText.crlf(SipText.options(VIA, "c@example.com").replace("OPTIONS", method));
            answer(request, 501, StatelessResponder.NOT_IMPLEMENTED);
        }
    }

    @Test
    void ackIsNeverAnswered() {
        byte[] ack = SipText.crlf(SipText.options(VIA, "c@example.com").replace("OPTIONS", "ACK"));
        byte[] brokenAck = SipText.crlf("ACK sip:bob@example.com SIP/2.0\nVia: " + VIA + "\n\n");

        assertInstanceOf(Outcome.NoReply.class, respond(ack, SOURCE));
        assertInstanceOf(Outcome.NoReply.class, respond(brokenAck, SOURCE));
    }

    @Test
    void missingCallIdGets400NamingIt() throws ParseException {
        byte[] request = SipText.crlf(SipText.options(VIA, "c@example.com").replace("Call-ID: c@example.com\n", ""));

        SIPResponse response = parse(answer(request, 400, "Bad Request (missing Call-ID)"));

        assertEquals(1, viaTexts(response).size());
        assertEquals(63104L, ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber());
    }

    @Test
    void eachMandatoryHeaderIsChecked() {
        // one rule for every method (docs/adr/0012): a missing Max-Forwards counts as 70, as a proxy adds it
        answer(SipText.crlf(SipText.options(VIA, "c").replace("Max-Forwards: 70\n", "")), 200, "OK");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("Max-Forwards: 70", "Max-Forwards: 0068")), 200, "OK");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("To: <sip:vpbx.example.com>\n", "")), 400,
                "Bad Request (missing To)");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("From: \"Alice\" <sip:alice@example.com>;tag=1928301774\n", "")),
                400, "Bad Request (missing From)");
    }

    @Test
    void malformedValuesGet400NamingThem() {
        answer(SipText.crlf(SipText.options(VIA, "c").replace("CSeq: 63104 OPTIONS", "CSeq: 63104 INVITE")), 400,
                "Bad Request (CSeq method does not match the request method)");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("CSeq: 63104 OPTIONS", "CSeq: many OPTIONS")), 400,
                "Bad Request (malformed CSeq)");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("Max-Forwards: 70", "Max-Forwards: 256")), 400,
                "Bad Request (malformed Max-Forwards)");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("Content-Length: 0", "Content-Length: 10")), 400,
                "Bad Request (body shorter than Content-Length)");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("Call-ID: c", "Call-ID: c\nCall-ID: d")), 400,
                "Bad Request (duplicate Call-ID)");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("Accept: application/sdp", "this line has no colon")), 400,
                "Bad Request (malformed header line)");
    }

    @Test
    void badRequestLineGets400WhenItCanBeAnswered() {
        answer(SipText.crlf(SipText.options(VIA, "c").replace("OPTIONS sip:vpbx.example.com SIP/2.0", "OPTIONS  SIP/2.0")),
                400, "Bad Request (malformed request line)");
        answer(SipText.crlf(SipText.options(VIA, "c").replace("OPTIONS sip:vpbx.example.com SIP/2.0", "HELLO THERE")),
                400, "Bad Request (malformed request line)");
    }

    @Test
    void otherSipVersionGets505() {
        answer(SipText.crlf(SipText.options(VIA, "c").replace("sip:vpbx.example.com SIP/2.0", "sip:vpbx.example.com SIP/3.0")),
                505, "Version Not Supported");
    }

    @Test
    void requestWithoutViaIsDropped() {
        byte[] request = SipText.crlf(SipText.options(VIA, "c").replace("Via: " + VIA + "\n", ""));

        Outcome.Drop drop = assertInstanceOf(Outcome.Drop.class, respond(request, SOURCE));
        assertEquals(DropReason.UNANSWERABLE, drop.reason());
    }

    @Test
    void requestWithoutCSeqOrWithUnreadableViaIsDropped() {
        byte[] noCseq = SipText.crlf(SipText.options(VIA, "c").replace("CSeq: 63104 OPTIONS\n", ""));
        byte[] badVia = SipText.crlf(SipText.options("rubbish", "c"));

        assertEquals(DropReason.UNANSWERABLE, assertInstanceOf(Outcome.Drop.class, respond(noCseq, SOURCE)).reason());
        assertEquals(DropReason.UNANSWERABLE, assertInstanceOf(Outcome.Drop.class, respond(badVia, SOURCE)).reason());
    }

    @Test
    void garbageIsDropped() {
        byte[] binary = {0x00, 0x01, (byte) 0xff, 0x7f, 0x10, '\r', '\n', 0x02};
        List<byte[]> garbage = List.of(binary, "hello world".getBytes(StandardCharsets.US_ASCII),
                SipText.crlf("GET / HTTP/1.1\nHost: example.com\n\n"));

        for (byte[] message : garbage) {
            Outcome.Drop drop = assertInstanceOf(Outcome.Drop.class, respond(message, SOURCE));
            assertEquals(DropReason.MALFORMED, drop.reason());
        }
    }

    @Test
    void responsesAreDropped() {
        byte[] response = SipText.crlf("SIP/2.0 200 OK\nVia: " + VIA + "\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n");

        Outcome.Drop drop = assertInstanceOf(Outcome.Drop.class, respond(response, SOURCE));
        assertEquals(DropReason.RESPONSE, drop.reason());
    }

    @Test
    void keepAlivesAreIgnoredQuietly() {
        assertInstanceOf(Outcome.NoReply.class, respond("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), SOURCE));
        assertInstanceOf(Outcome.NoReply.class, respond(new byte[0], SOURCE));
    }

    @Test
    void compactHeaderFormsAreRead() throws ParseException {
        byte[] request = SipText.crlf("""
                OPTIONS sip:vpbx.example.com SIP/2.0
                v: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKcompact
                max-forwards: 70
                t: <sip:vpbx.example.com>
                f: <sip:alice@example.com>;tag=88
                i: compact@example.com
                CSEQ: 7 OPTIONS
                l: 0

                """);

        SIPResponse response = parse(answer(request, 200, "OK"));

        assertEquals(List.of("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKcompact"), viaTexts(response));
        assertEquals("88", ((FromHeader) response.getHeader(FromHeader.NAME)).getTag());
        assertEquals("compact@example.com", ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
        assertNotNull(((ToHeader) response.getHeader(ToHeader.NAME)).getTag());
    }

    @Test
    void foldedHeaderLinesAreJoined() throws ParseException {
        byte[] request = SipText.crlf(SipText.options(VIA, "c").replace("Call-ID: c", "Call-ID:\n  folded@example.com"));

        SIPResponse response = parse(answer(request, 200, "OK"));

        assertEquals("folded@example.com", ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
    }

    @Test
    void receivedIsAddedOnlyWhenTheSentByHostIsNotTheSource() {
        String sameHost = topVia(SipText.options("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1", "c"));
        String otherHost = topVia(SipText.options("SIP/2.0/UDP 10.0.0.7:5062;branch=z9hG4bK1", "c"));
        String domain = topVia(SipText.options("SIP/2.0/UDP ua.example.com;branch=z9hG4bK1", "c"));

        assertEquals("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1", sameHost);
        assertEquals("SIP/2.0/UDP 10.0.0.7:5062;branch=z9hG4bK1;received=192.0.2.10", otherHost);
        assertEquals("SIP/2.0/UDP ua.example.com;branch=z9hG4bK1;received=192.0.2.10", domain);
    }

    @Test
    void rportIsFilledWithTheSourcePortAndBringsReceived() {
        String behindNat = topVia(SipText.options("SIP/2.0/UDP 10.0.0.7:5060;rport;branch=z9hG4bK1", "c"));
        String sameHost = topVia(SipText.options("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1;rport", "c"));

        assertEquals("SIP/2.0/UDP 10.0.0.7:5060;rport=5062;branch=z9hG4bK1;received=192.0.2.10", behindNat);
        // RFC 3581 section 4: with rport, received is added even when it equals sent-by.
        assertEquals("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1;rport=5062;received=192.0.2.10", sameHost);
    }

    @Test
    void ipv6SentByIsComparedAsAnAddress() {
        InetSocketAddress v6 = new InetSocketAddress("2001:db8:0:0:0:0:0:7", 5060);
        byte[] same = SipText.crlf(SipText.options("SIP/2.0/UDP [2001:db8::7]:5060;branch=z9hG4bK1", "c"));
        byte[] other = SipText.crlf(SipText.options("SIP/2.0/UDP [2001:db8::8]:5060;branch=z9hG4bK1", "c"));

        assertEquals("SIP/2.0/UDP [2001:db8::7]:5060;branch=z9hG4bK1", topVia(respond(same, v6)));
        assertEquals("SIP/2.0/UDP [2001:db8::8]:5060;branch=z9hG4bK1;received=2001:db8:0:0:0:0:0:7",
                topVia(respond(other, v6)));
    }

    @Test
    void utf8DisplayNamesAreCopiedByteForByte() {
        byte[] request = SipText.crlf(SipText.options(VIA, "c").replace("\"Alice\"", "\"Алиса Ω\""));

        String response = new String(answer(request, 200, "OK").bytes(), StandardCharsets.UTF_8);

        assertTrue(response.contains("From: \"Алиса Ω\" <sip:alice@example.com>;tag=1928301774\r\n"), response);
    }

    @Test
    void aRequestAtTheHeaderLimitIsAnswered() {
        answer(withExtraHeaders(SipText.options(VIA, "c"), MAX_HEADERS - OPTIONS_FIELDS), 200, "OK");
    }

    @Test
    void tooManyHeaderFieldsGet400NamingTheLimitBeforeAnyOtherCheck() throws ParseException {
        // over the limit and without Max-Forwards: the limit is what the sender is told about
        String request = SipText.options(VIA, "many@example.com").replace("Max-Forwards: 70\n", "");

        SIPResponse response = parse(answer(withExtraHeaders(request, MAX_HEADERS), 400,
                "Bad Request (more than " + MAX_HEADERS + " header fields)"));

        assertEquals(List.of(VIA), viaTexts(response));
        assertEquals("many@example.com", ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
    }

    @Test
    void everyViaOfAListCountsAsAField() {
        String vias = String.join(", ", java.util.Collections.nCopies(MAX_HEADERS, "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKx"));
        byte[] request = SipText.crlf(SipText.options(VIA, "c").replace("Via: " + VIA + "\n",
                "Via: " + VIA + "\nVia: " + vias + "\n"));

        answer(request, 400, "Bad Request (more than " + MAX_HEADERS + " header fields)");
    }

    @Test
    void tooManyHeaderFieldsInWhatCannotBeAnsweredIsDroppedAsSuch() {
        String response = "SIP/2.0 200 OK\nVia: " + VIA + "\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n";
        String ack = SipText.options(VIA, "c").replace("OPTIONS", "ACK");
        String noVia = SipText.options(VIA, "c").replace("Via: " + VIA + "\n", "");
        String noCseq = SipText.options(VIA, "c").replace("CSeq: 63104 OPTIONS\n", "");

        for (String message : List.of(response, ack, noVia, noCseq)) {
            Outcome outcome = respond(withExtraHeaders(message, MAX_HEADERS), SOURCE);
            assertEquals(DropReason.TOO_MANY_HEADERS, assertInstanceOf(Outcome.Drop.class, outcome).reason(), message);
        }
        // within the limit, the same messages keep their usual outcomes
        assertEquals(DropReason.RESPONSE,
                assertInstanceOf(Outcome.Drop.class, respond(SipText.crlf(response), SOURCE)).reason());
        assertInstanceOf(Outcome.NoReply.class, respond(SipText.crlf(ack), SOURCE));
    }

    /** The message with {@code count} more header fields before its Content-Length. */
    private static byte[] withExtraHeaders(String message, int count) {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < count; i++) {
            extra.append("X-Extra-").append(i).append(": ").append(i).append('\n');
        }
        return SipText.crlf(message.replace("Content-Length: 0\n", extra + "Content-Length: 0\n"));
    }

    private Outcome respond(byte[] message, InetSocketAddress source) {
        return responder.respond(WireMessage.parse(message), source);
    }

    @Test
    void optionsGets503WithRetryAfterWhileTheNodeDrainsSoThatADispatcherStopsSendingCallsHere() {
        Drain drain = new Drain();
        StatelessResponder draining = new StatelessResponder("vpbx-test", MAX_HEADERS, Optional.empty(), drain::draining);
        byte[] options = SipText.crlf(SipText.options(VIA, "probe-1@example.com"));
        assertEquals(200, ((Outcome.Reply) draining.respond(WireMessage.parse(options), SOURCE)).status());

        drain.begin();
        Outcome.Reply reply = (Outcome.Reply) draining.respond(WireMessage.parse(options), SOURCE);
        assertEquals(503, reply.status());
        assertTrue(new String(reply.bytes(), StandardCharsets.ISO_8859_1).contains("\r\nRetry-After: 30\r\n"));
    }

    private Outcome.Reply answer(byte[] request, int status, String reasonPhrase) {
        Outcome outcome = respond(request, SOURCE);
        Outcome.Reply reply = assertInstanceOf(Outcome.Reply.class, outcome, () -> "got " + outcome);
        assertEquals(status, reply.status());
        assertEquals(reasonPhrase, reply.reasonPhrase());
        String text = new String(reply.bytes(), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("SIP/2.0 " + status + " " + reasonPhrase + "\r\n"), text);
        assertTrue(text.endsWith("Content-Length: 0\r\n\r\n"), text);
        return reply;
    }

    private String topVia(String request) {
        return topVia(respond(SipText.crlf(request), SOURCE));
    }

    private static String topVia(Outcome outcome) {
        String text = new String(assertInstanceOf(Outcome.Reply.class, outcome).bytes(), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\nVia: ") + "\r\nVia: ".length();
        return text.substring(start, text.indexOf("\r\n", start));
    }

    private static SIPResponse parse(Outcome.Reply reply) throws ParseException {
        return (SIPResponse) new StringMsgParser().parseSIPMessage(reply.bytes(), true, false, null);
    }

    private static String toTag(Outcome.Reply reply) throws ParseException {
        return ((ToHeader) parse(reply).getHeader(ToHeader.NAME)).getTag();
    }

    private static List<String> viaTexts(SIPResponse response) {
        List<String> vias = new ArrayList<>();
        ListIterator<?> headers = response.getHeaders(ViaHeader.NAME);
        while (headers.hasNext()) {
            vias.add(((Header) headers.next()).toString().substring("Via: ".length()).strip());
        }
        return vias;
    }

    private static int count(SIPResponse response, String name) {
        int count = 0;
        ListIterator<?> headers = response.getHeaders(name);
        while (headers.hasNext()) {
            headers.next();
            count++;
        }
        return count;
    }
}
