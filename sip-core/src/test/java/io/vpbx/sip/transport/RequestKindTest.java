package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vpbx.sip.SipText;
import org.junit.jupiter.api.Test;

class RequestKindTest {

    @Test
    void aStatusLineIsAResponseWhateverTheCaseOfSip() {
        assertEquals(RequestKind.RESPONSE, kind("SIP/2.0 200 OK\nVia: x\n\n"));
        assertEquals(RequestKind.RESPONSE, kind("\n\nsip/2.0 180 Ringing\n\n"));
    }

    @Test
    void ackAndCancelAreToldByTheirMethodWithOrWithoutATag() {
        assertEquals(RequestKind.ACK, kind(request("ACK", "To: <sip:b@x>;tag=1")));
        assertEquals(RequestKind.ACK, kind(request("ACK", "To: <sip:b@x>")));
        assertEquals(RequestKind.CANCEL, kind(request("CANCEL", "To: <sip:b@x>")));
    }

    @Test
    void aRequestWithAToTagIsWithinADialog() {
        assertEquals(RequestKind.IN_DIALOG, kind(request("BYE", "To: <sip:b@x>;tag=abc")));
        assertEquals(RequestKind.IN_DIALOG, kind(request("INVITE", "To: \"Bob\" <sip:b@x> ; TAG = abc")));
        assertEquals(RequestKind.IN_DIALOG, kind(request("INFO", "t: sip:b@x;tag=abc")));
        assertEquals(RequestKind.IN_DIALOG, kind(request("UPDATE", "TO :\n <sip:b@x>\n ;tag=folded")));
    }

    @Test
    void aTagInsideTheUriOrTheDisplayNameOrInAnotherFieldIsNoDialog() {
        assertEquals(RequestKind.NEW_INVITE, kind(request("INVITE", "To: <sip:b@x;tag=inside>")));
        assertEquals(RequestKind.NEW_INVITE, kind(request("INVITE", "To: \"a;tag=b\" <sip:b@x>")));
        assertEquals(RequestKind.NEW_INVITE, kind(request("INVITE", "Tox: <sip:b@x>;tag=1\nTo: <sip:b@x>")));
        assertEquals(RequestKind.NEW_REQUEST, kind(request("REGISTER", "To: <sip:b@x>;tagged=1")));
    }

    @Test
    void theBodyIsNeverRead() {
        assertEquals(RequestKind.NEW_INVITE, kind(request("INVITE", "To: <sip:b@x>") + "\nTo: <sip:b@x>;tag=body\n"));
    }

    private static String request(String method, String to) {
        return method + " sip:b@x SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\nFrom: <sip:a@x>;tag=f\n" + to
                + "\nCall-ID: c\nCSeq: 1 " + method + "\n\n";
    }

    private static RequestKind kind(String text) {
        ByteBuf content = Unpooled.wrappedBuffer(SipText.crlf(text));
        try {
            return RequestKind.of(content);
        } finally {
            content.release();
        }
    }
}
