package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vpbx.sip.SipText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sanity checks of every request, without sockets: the torture cases of issue 10 (and RFC 4475). */
class RequestChecksTest {

    private static WireMessage invite(String replace, String with) {
        return WireMessage.parse(SipText.crlf(WireMessageTest.INVITE.replace(replace, with)));
    }

    private static RequestChecks.Refusal forwarded(WireMessage request) {
        return RequestChecks.check(request, false);
    }

    @Test
    void anOrdinaryInvitePasses() {
        assertNull(forwarded(WireMessage.parse(SipText.crlf(WireMessageTest.INVITE))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"To\u0001: <sip:evil@x>", "X-Foo\u0000: bar", "Subject: a\rInjected: b", "X-Bell: ring\u0007",
            "Bad Name: x", "X-Del: a\u007fb"})
    void headerSmugglingIs400(String line) {
        RequestChecks.Refusal refusal = forwarded(invite("Contact:", line + "\nContact:"));

        assertEquals(400, refusal.status(), refusal.reason());
        assertEquals("header_syntax", refusal.check());
    }

    @Test
    void foldedLinesAndTabsAndUtf8ArePermitted() {
        assertNull(forwarded(invite("Contact: <sip:alice@192.0.2.10:5062>",
                "Contact: <sip:alice@192.0.2.10:5062>\nSubject: a long\n\tsubject, folded\nX-Name: \u00c5sa")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call-ID: other@x", "CSeq: 11 INVITE", "To: <sip:b@x>", "From: <sip:c@x>;tag=2",
            "Max-Forwards: 69", "Content-Length: 10"})
    void aSecondSingleValuedFieldIs400(String second) {
        RequestChecks.Refusal refusal = forwarded(invite("Contact:", second + "\nContact:"));

        assertEquals(400, refusal.status());
        assertEquals("single_valued", refusal.check());
    }

    @Test
    void twoValuesInOneMaxForwardsOrToAre400() {
        assertEquals(400, forwarded(invite("Max-Forwards: 70", "Max-Forwards: 70, 71")).status());
        assertEquals(400, forwarded(invite("To: <sip:+74951230001@vpbx.example.com>",
                "To: <sip:a@x>, <sip:b@x>")).status());
    }

    @Test
    void anUnterminatedQuoteInADisplayNameIs400() {
        RequestChecks.Refusal refusal = forwarded(invite("To: <sip:+74951230001@vpbx.example.com>",
                "To: \"Mr. J. User <sip:j.user@example.com>"));

        assertEquals(400, refusal.status());
        assertEquals("address", refusal.check());
    }

    @Test
    void unknownSchemesAre416() {
        WireMessage options = WireMessage.parse(SipText.crlf("""
                OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKu
                Max-Forwards: 70
                To: <sip:vpbx.example.com>
                From: <sip:a@example.com>;tag=1
                Call-ID: unksm@x
                CSeq: 1 OPTIONS
                Content-Length: 0

                """));
        assertEquals(416, RequestChecks.check(options, true).status());
        assertEquals(416, forwarded(invite("To: <sip:+74951230001@vpbx.example.com>", "To: <unknown:x>")).status());
        assertEquals(416, forwarded(invite("From: \"Alice\" <sip:+74957770000@carrier.example>;tag=from1",
                "From: <nobody:x>;tag=1")).status());
        assertNull(forwarded(invite("INVITE sip:+74951230001@vpbx.example.com", "INVITE tel:+74951230001")));
    }

    @Test
    void aRegisterToAnIsbnOrAnUnbracketedIpv6LiteralIs400() {
        String register = """
                REGISTER sip:vpbx.example.com SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKr
                Max-Forwards: 70
                To: isbn:2983792873
                From: <sip:a@vpbx.example.com>;tag=1
                Call-ID: reg@x
                CSeq: 1 REGISTER
                Contact: <sip:a@192.0.2.1>
                Content-Length: 0

                """;
        assertEquals(400, RequestChecks.check(WireMessage.parse(SipText.crlf(register)), true).status());
        assertEquals(400, RequestChecks.check(WireMessage.parse(SipText.crlf(register
                .replace("To: isbn:2983792873", "To: <sip:a@vpbx.example.com>")
                .replace("REGISTER sip:vpbx.example.com", "REGISTER sip:2001:db8::10"))), true).status());
    }

    @Test
    void maxForwardsIsDigitsUpTo255LeadingZerosAllowedAndMayBeMissing() {
        assertNull(forwarded(invite("Max-Forwards: 70", "Max-Forwards: 0068")));
        assertEquals(68, invite("Max-Forwards: 70", "Max-Forwards: 0068").maxForwardsValue());
        assertNull(forwarded(invite("Max-Forwards: 70\n", "")));
        assertNull(forwarded(invite("Max-Forwards: 70", "Max-Forwards: 255")));
    }

    @Test
    void requireIsRefusedWhereWeAnswerAndProxyRequireWhereWeForward() {
        WireMessage withRequire = invite("Contact:", "Require: foo\nContact:");
        WireMessage withProxyRequire = invite("Contact:", "Proxy-Require: bar, baz\nContact:");

        assertNull(forwarded(withRequire), "a proxy forwards Require untouched (section 16.6)");
        RequestChecks.Refusal refusal = forwarded(withProxyRequire);
        assertEquals(420, refusal.status());
        assertArrayEquals(new String[] {"Unsupported", "bar, baz"}, refusal.headers());
        RequestChecks.Refusal answered = RequestChecks.check(withRequire, true);
        assertEquals(420, answered.status());
        assertArrayEquals(new String[] {"Unsupported", "foo"}, answered.headers());
    }
}
