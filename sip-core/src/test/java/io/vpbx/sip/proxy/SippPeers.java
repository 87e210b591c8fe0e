package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.telephony.forwarding.Fallback;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The two SIPp peers of the shared benchmark ({@code ../shared/sipbench/scenarios/uac-call.xml} and
 * {@code uas-answer.xml}) for the in-process benches: a carrier's UAC calling one of 1,000 numbers, and the PBX's UAS
 * they are forwarded to, writing their messages as SIPp does ({@code [last_Via:]}, {@code [last_Record-Route:]}, the
 * route set and remote target of the 200). Plain string building: the peers are not what is measured.
 */
final class SippPeers {
    static final int NUMBERS = 1000;
    private static final int PID = 4242;
    private static final String SDP = """
            v=0
            o=%s 53655765 2353687637 IN IP4 %s
            s=-
            c=IN IP4 %s
            t=0 0
            m=audio 6000 RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=sendrecv
            """;

    private final String uacHost;
    private final String uac;
    private final String proxy;
    private final String uasUri;
    private final String uacSdp;
    private final String uasSdp;

    /** One call as the two peers know it. */
    static final class Call {
        final long number;
        final String callId;
        String forwardedInvite;
        String answer;
        String forwardedBye;
        int ringing;
        int answered;
        int acked;
        int ended;

        Call(long number, SippPeers peers) {
            this.number = number;
            this.callId = number + "-" + PID + "@" + peers.uacHost;
        }
    }

    /**
     * @param uac where the carrier's UAC sends from
     * @param proxy the proxy's address, as the UAC writes it in its Request-URI
     * @param uas where the PBX's UAS listens
     */
    SippPeers(InetSocketAddress uac, InetSocketAddress proxy, InetSocketAddress uas) {
        this.uacHost = uac.getAddress().getHostAddress();
        this.uac = uacHost + ":" + uac.getPort();
        this.proxy = proxy.getAddress().getHostAddress() + ":" + proxy.getPort();
        this.uasUri = "sip:callee@" + uas.getAddress().getHostAddress() + ":" + uas.getPort();
        this.uacSdp = crlf(SDP.formatted("bench", uac.getAddress().getHostAddress(), uac.getAddress().getHostAddress()));
        this.uasSdp = crlf(SDP.formatted("callee", uas.getAddress().getHostAddress(), uas.getAddress().getHostAddress()));
    }

    /** A routing table with the carrier's trunk at the UAC's address and the 1,000 numbers forwarded to the UAS. */
    RoutingTable routing(InetSocketAddress carrier) {
        RoutingTable table = new RoutingTable();
        provision(table, carrier);
        return table;
    }

    /** Puts the carrier's trunk and the 1,000 numbers into {@code table}. */
    void provision(RoutingTable table, InetSocketAddress carrier) {
        table.put(new TrunkEntry("carrier", carrier.getAddress().getHostAddress(), null));
        for (int i = 0; i < NUMBERS; i++) {
            table.put(new RouteEntry(did(i), "bench", true, true, "active", new Target.ExternalPbx(List.of(uasUri)), 30,
                    Fallback.standard()));
        }
    }

    Call call(long number) {
        return new Call(number, this);
    }

    byte[] invite(Call call) {
        String did = did((int) (call.number % NUMBERS));
        StringBuilder text = new StringBuilder(1024)
                .append("INVITE sip:").append(did).append('@').append(proxy).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP ").append(uac).append(";branch=z9hG4bK-").append(PID).append('-')
                .append(call.number).append("-0\r\n")
                .append("From: \"bench\" <sip:caller").append(call.number).append('@').append(uac).append(">;tag=").append(PID)
                .append("SIPpTag00").append(call.number).append("\r\n")
                .append("To: <sip:").append(did).append('@').append(proxy).append(">\r\n")
                .append("Call-ID: ").append(call.callId).append("\r\n")
                .append("CSeq: 1 INVITE\r\n")
                .append("Contact: <sip:caller").append(call.number).append('@').append(uac).append(";transport=UDP>\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("User-Agent: sip-bench-uac\r\n")
                .append("Subject: sip-bench\r\n")
                .append("Content-Type: application/sdp\r\n")
                .append("Content-Length: ").append(uacSdp.length()).append("\r\n\r\n")
                .append(uacSdp);
        return bytes(text);
    }

    /** The UAS's 180 or 200 to the INVITE it got: its Via, From, To (with a tag), Call-ID, CSeq, Record-Route copied. */
    byte[] answer(Call call, int status, String reason, boolean withSdp) {
        String invite = call.forwardedInvite;
        StringBuilder text = new StringBuilder(1024).append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        headerLines(invite, "Via", text);
        headerLines(invite, "From", text);
        text.append("To: ").append(header(invite, "To")).append(";tag=").append(PID).append("SIPpTag01").append(call.number)
                .append("\r\n");
        headerLines(invite, "Call-ID", text);
        headerLines(invite, "CSeq", text);
        headerLines(invite, "Record-Route", text);
        text.append("Contact: <").append(uasUri).append(";transport=UDP>\r\n");
        String body = "";
        if (withSdp) {
            body = uasSdp;
            text.append("User-Agent: sip-bench-uas\r\nContent-Type: application/sdp\r\n");
        }
        text.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        return bytes(text);
    }

    /** The UAC's ACK or BYE: to the 200's Contact along its Record-Route reversed, with the callee's tag. */
    byte[] inDialog(Call call, String method, int cseq, int message) {
        String answer = call.answer;
        String contact = header(answer, "Contact");
        String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        List<String> routeSet = new ArrayList<>(2);
        int at = 0;
        while ((at = answer.indexOf("\r\nRecord-Route: ", at)) >= 0) {
            at += "\r\nRecord-Route: ".length();
            routeSet.add(0, answer.substring(at, answer.indexOf('\r', at)));
        }
        StringBuilder text = new StringBuilder(512)
                .append(method).append(' ').append(target).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP ").append(uac).append(";branch=z9hG4bK-").append(PID).append('-')
                .append(call.number).append('-').append(message).append("\r\n")
                .append("From: ").append(header(answer, "From")).append("\r\n")
                .append("To: ").append(header(answer, "To")).append("\r\n")
                .append("Call-ID: ").append(call.callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n")
                .append("Route: ").append(String.join(", ", routeSet)).append("\r\n")
                .append("Contact: <sip:caller").append(call.number).append('@').append(uac).append(";transport=UDP>\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("Content-Length: 0\r\n\r\n");
        return bytes(text);
    }

    byte[] ack(Call call) {
        return inDialog(call, "ACK", 1, 5);
    }

    byte[] bye(Call call) {
        return inDialog(call, "BYE", 2, 7);
    }

    /** The UAS's 200 to the BYE. */
    byte[] byeAnswered(Call call) {
        String bye = call.forwardedBye;
        StringBuilder text = new StringBuilder(512).append("SIP/2.0 200 OK\r\n");
        headerLines(bye, "Via", text);
        headerLines(bye, "From", text);
        headerLines(bye, "To", text);
        headerLines(bye, "Call-ID", text);
        headerLines(bye, "CSeq", text);
        text.append("Contact: <").append(uasUri).append(";transport=UDP>\r\nContent-Length: 0\r\n\r\n");
        return bytes(text);
    }

    /** Appends every line of that header field, as SIPp's {@code [last_Name:]} does (the proxy writes full names). */
    private static void headerLines(String message, String name, StringBuilder to) {
        String prefix = "\r\n" + name + ": ";
        int end = message.indexOf("\r\n\r\n");
        int at = 0;
        while ((at = message.indexOf(prefix, at)) >= 0 && at < end) {
            int lineEnd = message.indexOf('\r', at + 2);
            to.append(message, at + 2, lineEnd).append("\r\n");
            at = lineEnd;
        }
    }

    static String header(String message, String name) {
        String prefix = "\r\n" + name + ": ";
        int at = message.indexOf(prefix);
        if (at < 0 || at > message.indexOf("\r\n\r\n")) {
            throw new IllegalStateException("no " + name + " in " + message);
        }
        at += prefix.length();
        return message.substring(at, message.indexOf('\r', at));
    }

    /** The start line of a message. */
    static String startLine(String message) {
        return message.substring(0, message.indexOf('\r'));
    }

    private static String did(int i) {
        return "+7495123" + (4000 + i);
    }

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    private static byte[] bytes(StringBuilder text) {
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
