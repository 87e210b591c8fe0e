package io.vpbx.sip.uas;

import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import java.nio.charset.StandardCharsets;

/**
 * The INVITE vpbx sends to a forward's callee, as a UAC (RFC 3261 section 8.1.1): a new Call-ID and our own From
 * tag, the caller's From address (the caller ID the callee sees, as the proxy passes it when it forwards) and the
 * caller's P-Asserted-Identity when the caller's side asserted one, vpbx's Contact (in-dialog requests come back to
 * the proxy) and vpbx's SDP offer from the callee's media session. Pure.
 */
final class CalleeRequests {
    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO";

    private CalleeRequests() {
    }

    static WireMessage invite(WireMessage callerInvite, String requestUri, String via, String callId, String fromTag,
                              String contact, String sdp) {
        byte[] body = sdp.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(1024 + body.length);
        out.append("INVITE ").append(requestUri).append(" SIP/2.0\r\n");
        out.append("Via: ").append(via).append("\r\n");
        out.append("Max-Forwards: 70\r\n");
        out.append("From: ").append(withoutTag(callerInvite.from())).append(";tag=").append(fromTag).append("\r\n");
        out.append("To: <").append(requestUri).append(">\r\n");
        out.append("Call-ID: ").append(callId).append("\r\n");
        out.append("CSeq: 1 INVITE\r\n");
        out.append("Contact: ").append(contact).append("\r\n");
        String asserted = callerInvite.first(HeaderId.P_ASSERTED_IDENTITY);
        if (asserted != null) {
            out.append("P-Asserted-Identity: ").append(asserted).append("\r\n");
        }
        out.append("Allow: ").append(ALLOW).append("\r\n");
        out.append("Content-Type: application/sdp\r\n");
        out.append("Content-Length: ").append(body.length).append("\r\n\r\n").append(sdp);
        return WireMessage.parse(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A From value without its tag parameter (the caller's tag belongs to the caller's dialog, not ours). */
    static String withoutTag(String from) {
        int afterAddress = Math.max(0, from.lastIndexOf('>'));
        int tag = indexOfIgnoreCase(from, ";tag=", afterAddress);
        if (tag < 0) {
            return from;
        }
        int end = from.indexOf(';', tag + 1);
        return (from.substring(0, tag) + (end < 0 ? "" : from.substring(end))).trim();
    }

    private static int indexOfIgnoreCase(String text, String part, int from) {
        for (int i = from; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }
}
