package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.SipText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a message in place: start line, the fields routing needs, the body, and what makes it unusable. */
class WireMessageTest {

    static final String INVITE = """
            INVITE sip:+74951230001@vpbx.example.com SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa;rport
            Max-Forwards: 70
            To: <sip:+74951230001@vpbx.example.com>
            From: "Alice" <sip:+74957770000@carrier.example>;tag=from1
            Call-ID: call-1@192.0.2.10
            CSeq: 10 INVITE
            Contact: <sip:alice@192.0.2.10:5062>
            Content-Type: application/sdp
            Content-Length: 10

            v=0
            x=1
            """;

    static WireMessage parse(String text) {
        return WireMessage.parse(SipText.crlf(text));
    }

    @Test
    void aRequestIsReadWithTheFieldsRoutingNeeds() {
        WireMessage invite = parse(INVITE);

        assertNull(invite.problem());
        assertTrue(invite.isRequest());
        assertEquals("INVITE", invite.method());
        assertEquals("sip:+74951230001@vpbx.example.com", invite.requestUri());
        assertEquals("z9hG4bKa", invite.topViaBranch());
        assertEquals("192.0.2.10:5062", invite.topViaSentBy());
        assertEquals(10, invite.cseqNumber());
        assertEquals("INVITE", invite.cseqMethod());
        assertEquals("call-1@192.0.2.10", invite.callId());
        assertEquals("from1", invite.fromTag());
        assertNull(invite.toTag());
        assertEquals(70, invite.maxForwardsValue());
        assertEquals("<sip:alice@192.0.2.10:5062>", invite.first(HeaderId.CONTACT));
        assertEquals("application/sdp", invite.first("content-type"), "any field by name, ignoring case");
        assertNull(invite.first("Content"), "a prefix of a name is not the name");
        assertEquals(9, invite.headerCount());
    }

    @Test
    void theBodyIsLocatedByTheEmptyLine() {
        byte[] bytes = SipText.crlf(INVITE);
        WireMessage invite = WireMessage.parse(bytes);

        assertEquals(10, invite.bodyLength());
        String body = new String(bytes, invite.bodyStart(), invite.bodyLength(), StandardCharsets.ISO_8859_1);
        assertEquals("v=0\r\nx=1\r\n", body);
    }

    @Test
    void aResponseIsReadWithItsStatusAndTheMethodOfItsCSeq() {
        WireMessage response = parse("""
                SIP/2.0 486 Busy Here
                Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKb
                To: <sip:bob@example.com>;tag=to1
                From: <sip:alice@example.com>;tag=from1
                Call-ID: c
                CSeq: 1 INVITE
                Content-Length: 0

                """);

        assertNull(response.problem());
        assertFalse(response.isRequest());
        assertEquals(486, response.statusCode());
        assertEquals("Busy Here", response.reasonPhrase());
        assertEquals("INVITE", response.method());
        assertEquals("to1", response.toTag());
        assertEquals(0, response.bodyLength());
    }

    @Test
    void compactHeaderNamesAreRecognised() {
        WireMessage message = parse("""
                OPTIONS sip:vpbx.example.com SIP/2.0
                v: SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bKc
                i: compact@example.com
                f: <sip:alice@example.com>;tag=1
                t: <sip:vpbx.example.com>
                CSEQ: 1 OPTIONS
                m: <sip:alice@10.0.0.1:5070>
                l: 0

                """);

        assertNull(message.problem());
        assertEquals("10.0.0.1:5070", message.topViaSentBy());
        assertEquals("compact@example.com", message.callId());
        assertEquals("1", message.fromTag());
        assertEquals("<sip:alice@10.0.0.1:5070>", message.first(HeaderId.CONTACT));
        assertEquals("0", message.first(HeaderId.CONTENT_LENGTH));
        assertEquals(-1, message.maxForwardsValue(), "absent");
    }

    @Test
    void foldedLinesBelongToTheFieldAbove() {
        WireMessage message = parse(INVITE.replace("Call-ID: call-1@192.0.2.10", "Call-ID:\n  call-1@192.0.2.10")
                .replace("To: <sip:+74951230001@vpbx.example.com>", "To: <sip:+74951230001@vpbx.example.com>\n\t;tag=t9"));

        assertNull(message.problem());
        assertEquals("call-1@192.0.2.10", message.callId());
        assertEquals("t9", message.toTag());
        assertEquals(9, message.headerCount());
    }

    @Test
    void aContinuationLineBeforeAnyFieldIsAProblem() {
        assertEquals("continuation line before any header",
                parse(INVITE.replace("Via:", " continued\nVia:")).problem());
    }

    @Test
    void severalViaValuesInOneLineAreSeveralVias() {
        WireMessage message = parse(INVITE.replace("Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa;rport",
                "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa, SIP/2.0/TCP 10.9.9.9;branch=z9hG4bKz\n"
                        + "Via: SIP/2.0/UDP 10.8.8.8;branch=z9hG4bKy"));

        assertEquals(List.of("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa", "SIP/2.0/TCP 10.9.9.9;branch=z9hG4bKz",
                "SIP/2.0/UDP 10.8.8.8;branch=z9hG4bKy"), message.vias());
        assertEquals("z9hG4bKa", message.topViaBranch(), "the top Via is the first value of the first field");
    }

    @Test
    void bareLineFeedsEndLinesToo() {
        WireMessage message = WireMessage.parse(INVITE.replace("Content-Length: 10", "Content-Length: 8")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertNull(message.problem());
        assertEquals("call-1@192.0.2.10", message.callId());
        assertEquals("INVITE", message.cseqMethod());
        assertEquals("v=0\nx=1\n", new String(message.bytes(), message.bodyStart(), message.bodyLength(),
                StandardCharsets.ISO_8859_1));
    }

    @Test
    void leadingLineBreaksBeforeTheStartLineAreSkipped() {
        WireMessage response = WireMessage.parse(SipText.crlf("\n\nSIP/2.0 180 Ringing\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKb\n"
                + "To: <sip:b@example.com>;tag=2\nFrom: <sip:a@example.com>;tag=1\nCall-ID: c\nCSeq: 1 INVITE\n\n"));

        assertNull(response.problem());
        assertEquals(180, response.statusCode());
        assertEquals("Ringing", response.reasonPhrase());
    }

    @Test
    void missingMandatoryFieldsAreProblems() {
        assertEquals("missing Via", parse(INVITE.replace("Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa;rport\n", "")).problem());
        assertEquals("missing CSeq", parse(INVITE.replace("CSeq: 10 INVITE\n", "")).problem());
        for (String field : List.of("Call-ID: call-1@192.0.2.10\n", "From: \"Alice\" <sip:+74957770000@carrier.example>;tag=from1\n",
                "To: <sip:+74951230001@vpbx.example.com>\n")) {
            assertEquals("missing Call-ID, From or To", parse(INVITE.replace(field, "")).problem(), field);
        }
    }

    @Test
    void malformedValuesAreProblems() {
        assertEquals("malformed Via", parse(INVITE.replace("SIP/2.0/UDP 192.0.2.10:5062", "rubbish")).problem());
        assertEquals("malformed CSeq", parse(INVITE.replace("CSeq: 10 INVITE", "CSeq: ten INVITE")).problem());
        assertEquals("malformed CSeq", parse(INVITE.replace("CSeq: 10 INVITE", "CSeq: 10")).problem());
        assertEquals("malformed CSeq", parse(INVITE.replace("CSeq: 10 INVITE", "CSeq: -1 INVITE")).problem());
        assertEquals("CSeq method does not match the request method",
                parse(INVITE.replace("CSeq: 10 INVITE", "CSeq: 10 OPTIONS")).problem());
        assertEquals("malformed Max-Forwards", parse(INVITE.replace("Max-Forwards: 70", "Max-Forwards: seventy")).problem());
        assertEquals("malformed Max-Forwards", parse(INVITE.replace("Max-Forwards: 70", "Max-Forwards: 7000")).problem());
        assertEquals("malformed header line", parse(INVITE.replace("Content-Type: application/sdp", "no colon here")).problem());
    }

    @Test
    void malformedStartLinesAreProblems() {
        assertEquals("malformed request line", parse(INVITE.replace(" SIP/2.0\n", " SIP/3.0\n")).problem());
        assertEquals("malformed request line", parse(INVITE.replace("INVITE sip:+74951230001@vpbx.example.com SIP/2.0",
                "INVITE SIP/2.0")).problem());
        assertEquals("malformed request line", parse(INVITE.replace("INVITE sip:+74951230001@vpbx.example.com SIP/2.0",
                "INVITE sip:a b SIP/2.0")).problem());
        assertEquals("malformed status line", parse("SIP/2.0 99 Too Low\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\n\n").problem());
        assertEquals("malformed request line", WireMessage.parse(new byte[] {0, 1, 2}).problem());
    }

    @Test
    void contentLengthBoundsTheBodyOfADatagram() {
        // RFC 3261 section 18.3: bytes after Content-Length are not part of the message
        WireMessage padded = parse(INVITE + "PADDING");
        assertNull(padded.problem());
        assertEquals(10, padded.bodyLength());

        assertEquals("body shorter than Content-Length", parse(INVITE.replace("Content-Length: 10", "Content-Length: 80")).problem());
        assertEquals("malformed Content-Length", parse(INVITE.replace("Content-Length: 10", "Content-Length: ten")).problem());
    }

    @Test
    void withoutContentLengthTheBodyRunsToTheEnd() {
        WireMessage message = parse(INVITE.replace("Content-Length: 10\n", "") + "more");

        assertNull(message.problem());
        assertEquals(14, message.bodyLength());
    }
}
