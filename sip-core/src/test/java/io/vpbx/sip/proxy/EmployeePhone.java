package io.vpbx.sip.proxy;

import io.vpbx.sip.SipText;
import io.vpbx.sip.registrar.StoredCredentials;
import io.vpbx.sip.uplink.Challenges;
import io.vpbx.sip.uplink.DigestAnswer;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;

/**
 * An employee's phone on the fake network: it calls through the proxy as a SIP phone does, answering the 407 digest
 * challenge with its account's password (RFC 3261 section 22.3).
 */
final class EmployeePhone {
    private static final String REALM = "vpbx.test";
    private static final String BODY = "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\nm=audio 4000 RTP/AVP 0\n";

    private final ProxyFixture proxy;
    private final String username;
    private final String password;
    final RecordingFlow flow;
    private int calls;

    /** Gives the employee a SIP account on the proxy and a phone at {@code ip}. */
    EmployeePhone(ProxyFixture proxy, String employeeId, String username, String password, String ip) {
        this.proxy = proxy;
        this.username = username;
        this.password = password;
        this.flow = new RecordingFlow(new InetSocketAddress(ip, 5060), "UDP");
        proxy.phoneAccounts.put(username, StoredCredentials.fromPassword(username, REALM, password, employeeId));
    }

    /**
     * Dials {@code dialed} (the Request-URI user part) with {@code fromUser} as the From user and, when not null,
     * {@code preferred} as P-Preferred-Identity: the INVITE, its 407 and the INVITE with credentials (the 407 is not acknowledged: the fake scheduler never retransmits it).
     */
    void dial(String dialed, String fromUser, String preferred) {
        calls++;
        String uri = "sip:" + dialed + "@" + FakeNetwork.US + ":" + FakeNetwork.PORT;
        send(invite(uri, fromUser, preferred, 1, null));
        WireMessage challenge = flow.response(407);
        String authorization = DigestAnswer.authorization(DigestAnswer.preferred(Challenges.read(challenge.bytes()))
                .orElseThrow(), "INVITE", uri, username, password, "cnonce-" + calls, 1);
        send(invite(uri, fromUser, preferred, 2, authorization));
    }

    private WireMessage invite(String uri, String fromUser, String preferred, int cseq, String authorization) {
        String ip = flow.remote().getAddress().getHostAddress();
        String text = """
                INVITE %s SIP/2.0
                Via: SIP/2.0/UDP %s:5060;branch=z9hG4bK-phone-%d-%d
                Max-Forwards: 70
                To: <%s>
                From: <sip:%s@%s>;tag=phone-%d
                Call-ID: phone-call-%d@%s
                CSeq: %d INVITE
                Contact: <sip:%s@%s:5060>
                %s%sContent-Type: application/sdp
                Content-Length: %d

                %s""".formatted(uri, ip, calls, cseq, uri, fromUser, REALM, calls, calls, ip, cseq, username, ip,
                preferred == null ? "" : "P-Preferred-Identity: <sip:" + preferred + "@" + REALM + ">\n",
                authorization == null ? "" : "Proxy-Authorization: " + authorization + "\n",
                SipText.crlf(BODY).length, BODY);
        return WireMessage.parse(SipText.crlf(text));
    }

    private void send(WireMessage message) {
        proxy.core.receive(SipText.received(message.bytes()), flow);
    }
}
