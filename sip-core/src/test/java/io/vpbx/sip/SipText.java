package io.vpbx.sip;

import java.nio.charset.StandardCharsets;

/** SIP messages for tests, written as text blocks with LF and sent with CRLF. */
public final class SipText {

    private SipText() {
    }

    public static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String options(String via, String callId) {
        return """
                OPTIONS sip:vpbx.example.com SIP/2.0
                Via: %s
                Max-Forwards: 70
                To: <sip:vpbx.example.com>
                From: "Alice" <sip:alice@example.com>;tag=1928301774
                Call-ID: %s
                CSeq: 63104 OPTIONS
                Accept: application/sdp
                Content-Length: 0

                """.formatted(via, callId);
    }
}
