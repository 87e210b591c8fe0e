package io.vpbx.sip.uas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vpbx.sip.SipText;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import org.junit.jupiter.api.Test;

/** vpbx's INVITE to a forward's callee, built from the caller's INVITE. */
class CalleeRequestsTest {
    private static final WireMessage CALLER_INVITE = WireMessage.parse(SipText.crlf("""
            INVITE sip:+74951230001@203.0.113.1 SIP/2.0
            Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1
            Max-Forwards: 70
            To: <sip:+74951230001@203.0.113.1>
            From: "Ivan" <sip:+74957770000@10.0.0.1;user=phone>;tag=abc;x=1
            Call-ID: caller-1@carrier
            CSeq: 7 INVITE
            P-Asserted-Identity: <sip:+74957770000@10.0.0.1>
            Content-Length: 0

            """));

    @Test
    void theCallerIdPassesWithOurTagInADialogOfOurOwn() {
        WireMessage invite = CalleeRequests.invite(CALLER_INVITE, "sip:e1@10.1.1.1:5060", "SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKx",
                "b2b-1@vpbx", "ourtag", "<sip:203.0.113.1:5060>", "v=0\r\n");

        assertNull(invite.problem());
        assertEquals("sip:e1@10.1.1.1:5060", invite.requestUri());
        assertEquals("\"Ivan\" <sip:+74957770000@10.0.0.1;user=phone>;x=1;tag=ourtag", invite.from());
        assertEquals("ourtag", invite.fromTag());
        assertNull(invite.toTag());
        assertEquals("b2b-1@vpbx", invite.callId());
        assertEquals(1, invite.cseqNumber(), "our own CSeq space");
        assertNotNull(invite.first(HeaderId.P_ASSERTED_IDENTITY));
        assertEquals("v=0\r\n", invite.body());
    }

    @Test
    void onlyTheTagParameterOfTheFromIsDropped() {
        assertEquals("<sip:a@b>", CalleeRequests.withoutTag("<sip:a@b>;tag=1"));
        assertEquals("<sip:a@b;tag=uri-param>", CalleeRequests.withoutTag("<sip:a@b;tag=uri-param>"));
        assertEquals("<sip:a@b>;x=1", CalleeRequests.withoutTag("<sip:a@b>;TAG=1;x=1"));
        assertEquals("sip:a@b", CalleeRequests.withoutTag("sip:a@b"));
    }
}
