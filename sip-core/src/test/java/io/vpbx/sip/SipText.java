package io.vpbx.sip;

import java.nio.charset.StandardCharsets;

/** SIP messages for tests, written as text blocks with LF and sent with CRLF. */
public final class SipText {

    private SipText() {
    }

    /** A message's bytes as the transports hand it to the proxy: one char per byte. */
    public static String received(byte[] message) {
        return new String(message, StandardCharsets.ISO_8859_1);
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
