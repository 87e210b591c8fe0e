package io.vpbx.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.SipText;
import io.vpbx.sip.wire.WireMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dialog's signature in our Record-Route: verified in both directions, by any node holding the same secret. */
class SignedRoutesTest {
    private static final byte[] SECRET = "route-secret-0123456789-abcdefghij".getBytes(StandardCharsets.UTF_8);

    private static WireMessage bye(String route, String fromTag, String toTag, String callId) {
        return WireMessage.parse(SipText.crlf("""
                BYE sip:b@10.1.1.1 SIP/2.0
                Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKb
                Route: %s
                Max-Forwards: 70
                From: <sip:a@x>;tag=%s
                To: <sip:b@y>;tag=%s
                Call-ID: %s
                CSeq: 2 BYE
                Content-Length: 0

                """.formatted(route, fromTag, toTag, callId)));
    }

    @Test
    void aSignedRouteVerifiesForTheCallerAndTheCalleeOnEveryNodeSharingTheSecret() {
        String route = new SignedRoutes(SECRET).sign("<sip:203.0.113.1:5060;lr>", "c1@x", "caller");
        SignedRoutes otherNode = new SignedRoutes(SECRET.clone());

        assertTrue(route.startsWith("<sip:203.0.113.1:5060;lr;dlg="), route);
        assertTrue(route.endsWith(">"));
        assertTrue(otherNode.verifies(bye(route, "caller", "callee", "c1@x"), 1), "the caller's request");
        assertTrue(otherNode.verifies(bye(route, "callee", "caller", "c1@x"), 1), "the callee's request");
    }

    @Test
    void anotherCallAnotherTagOrAnotherSecretDoesNotVerify() {
        String route = new SignedRoutes(SECRET).sign("<sip:203.0.113.1:5060;lr>", "c1@x", "caller");
        SignedRoutes same = new SignedRoutes(SECRET);

        assertFalse(same.verifies(bye(route, "caller", "callee", "c2@x"), 1));
        assertFalse(same.verifies(bye(route, "forged", "callee", "c1@x"), 1));
        assertFalse(new SignedRoutes("another-secret-0123456789-abcdefgh".getBytes(StandardCharsets.UTF_8))
                .verifies(bye(route, "caller", "callee", "c1@x"), 1));
        assertFalse(same.verifies(bye("<sip:203.0.113.1:5060;lr>", "caller", "callee", "c1@x"), 1));
        assertEquals(false, same.verifies(bye(route, "caller", "callee", "c1@x"), 0), "only our own Route values count");
    }
}
