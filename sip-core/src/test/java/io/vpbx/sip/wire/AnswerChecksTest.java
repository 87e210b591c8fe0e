package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.SipText;
import org.junit.jupiter.api.Test;

class AnswerChecksTest {

    private static final String VIA = "SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1";

    private static WireMessage options(String from, String to) {
        return WireMessage.parse(SipText.crlf(SipText.options(VIA, "checks@example.com").replace(from, to)));
    }

    @Test
    void aStatusLineOfAnySipVersionIsAResponse() {
        assertTrue(AnswerChecks.isResponse(options("OPTIONS sip:vpbx.example.com SIP/2.0", "SIP/2.0 200 OK")));
        assertTrue(AnswerChecks.isResponse(options("OPTIONS sip:vpbx.example.com SIP/2.0", "SIP/3.0 200 OK")));
        assertTrue(AnswerChecks.isResponse(options("OPTIONS sip:vpbx.example.com SIP/2.0", "sip/2.0 486 Busy Here")));
        assertFalse(AnswerChecks.isResponse(options("OPTIONS sip:vpbx.example.com SIP/2.0", "SIP/3.0 099 Low")));
        assertFalse(AnswerChecks.isResponse(options("x", "x")));
    }

    @Test
    void aRequestLineIsReadInAnySipVersionWithATokenMethod() {
        assertEquals(new AnswerChecks.RequestLine("OPTIONS", true), AnswerChecks.requestLine(options("x", "x")));
        assertEquals(new AnswerChecks.RequestLine("OPTIONS", true),
                AnswerChecks.requestLine(options(" SIP/2.0\n", " sip/2.0\n")));
        assertEquals(new AnswerChecks.RequestLine("OPTIONS", false),
                AnswerChecks.requestLine(options(" SIP/2.0\n", " SIP/3.0\n")));
        assertNull(AnswerChecks.requestLine(options("OPTIONS sip", "OPT@ONS sip")));
        assertNull(AnswerChecks.requestLine(options("OPTIONS sip:vpbx.example.com SIP/2.0", "OPTIONS  SIP/2.0")));
        assertNull(AnswerChecks.requestLine(options(" SIP/2.0\n", " SIP/2.x\n")));
    }

    @Test
    void theTopViaIsReadBehindAnEarlierDefect() {
        WireMessage message = options("OPTIONS sip:vpbx.example.com SIP/2.0", "HELLO THERE");

        assertNotNull(message.problem());
        assertEquals("z9hG4bK1", AnswerChecks.topVia(message).branch());
    }

    @Test
    void theFirstFailingCheckIsNamed() {
        assertNull(AnswerChecks.problem(options("x", "x"), "OPTIONS"));
        assertEquals("malformed header line", AnswerChecks.problem(options("Accept:", "Bad Name:"), "OPTIONS"));
        assertEquals("malformed header line", AnswerChecks.problem(options("Accept:", "NoColon"), "OPTIONS"));
        assertEquals("missing To", AnswerChecks.problem(options("To: <sip:vpbx.example.com>\n", ""), "OPTIONS"));
        assertEquals("duplicate To", AnswerChecks.problem(options("Call-ID: checks", "t: <sip:x>\nCall-ID: checks"),
                "OPTIONS"));
        assertEquals("malformed CSeq", AnswerChecks.problem(options("CSeq: 63104", "CSeq: 2147483648"), "OPTIONS"));
        assertEquals("malformed CSeq", AnswerChecks.problem(options("CSeq: 63104", "CSeq: +5"), "OPTIONS"));
        assertEquals("malformed CSeq", AnswerChecks.problem(options("CSeq: 63104 OPTIONS", "CSeq: 1 OPTIONS x"), "OPTIONS"));
        assertNull(AnswerChecks.problem(options("CSeq: 63104 OPTIONS", "CSeq: 1\tOPTIONS"), "OPTIONS"),
                "LWS between number and method may be a tab");
        assertEquals("CSeq method does not match the request method",
                AnswerChecks.problem(options("x", "x"), "CANCEL"));
        assertEquals("malformed Max-Forwards", AnswerChecks.problem(options("Max-Forwards: 70", "Max-Forwards: -1"),
                "OPTIONS"));
        assertEquals("body shorter than Content-Length",
                AnswerChecks.problem(options("Content-Length: 0", "Content-Length: 1"), "OPTIONS"));
    }

    @Test
    void theCSeqNumberIsReadAsChecked() {
        assertEquals(7, AnswerChecks.cseqNumber(options("CSeq: 63104 OPTIONS", "CSeq: 7\tOPTIONS")));
    }
}
