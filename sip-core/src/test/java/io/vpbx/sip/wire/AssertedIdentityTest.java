package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.sip.SipText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The caller ID a carrier sees is the one we assert (RFC 3325): identity headers a phone put in its INVITE are not
 * passed on beside ours, where a carrier reading the first one would present the phone's choice.
 */
class AssertedIdentityTest {
    private static final String INVITE = """
            INVITE sip:+74957654321@vpbx.example.com SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKa
            Max-Forwards: 70
            To: <sip:+74957654321@vpbx.example.com>
            From: <sip:101@vpbx.example.com>;tag=1
            P-Asserted-Identity: <sip:+19005550100@evil.example>
            P-Preferred-Identity: <sip:+74951230002@vpbx.example.com>
            Call-ID: c1
            CSeq: 1 INVITE
            Content-Length: 0

            """;

    private static WireMessage forward(String... extra) {
        return WireMessage.parse(Rewrites.forward(WireMessage.parse(SipText.crlf(INVITE)), "sip:+74957654321@gw.example",
                "SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKvpx", List.of(), 0, null, extra));
    }

    @Test
    void thePhonesIdentityHeadersGiveWayToOurs() {
        WireMessage out = forward("P-Asserted-Identity", "<sip:+74951230002@vpbx>");

        assertEquals(List.of("<sip:+74951230002@vpbx>"), out.values(HeaderId.P_ASSERTED_IDENTITY));
        assertEquals(List.of(), out.values(HeaderId.P_PREFERRED_IDENTITY));
    }

    @Test
    void aPreferredIdentityOfOursAlsoReplacesThePhones() {
        WireMessage out = forward("P-Preferred-Identity", "<sip:line@operator.example>");

        assertEquals(List.of(), out.values(HeaderId.P_ASSERTED_IDENTITY));
        assertEquals(List.of("<sip:line@operator.example>"), out.values(HeaderId.P_PREFERRED_IDENTITY));
    }
}
