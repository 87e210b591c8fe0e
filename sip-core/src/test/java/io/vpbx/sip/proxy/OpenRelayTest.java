package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.SipText;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.forwarding.Fallback;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, SIP finding 1: the proxy relays a request within a dialog only along a route it signed for that dialog
 * and only from one of the dialog's parties; nothing ever goes to a host named by a stranger's Request-URI.
 */
class OpenRelayTest {
    private final ProxyFixture proxy = new ProxyFixture();
    private final RecordingFlow phone = proxy.network.udp("10.1.1.1", 5060);
    private final RecordingFlow stranger = new RecordingFlow(new InetSocketAddress("198.51.100.7", 5060), "UDP");
    private final RecordingFlow victim = proxy.network.udp("127.0.0.9", 5999);

    private void employeeWithAPhone() {
        proxy.registered.put("e1", List.of("sip:e1@10.1.1.1:5060"));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Employee("e1"), 20,
                new Fallback.HangUp(480)));
    }

    /** A request as the reproduction sends it: to the victim, a forged To tag, {@code route} if any. */
    private static String forged(String method, String callId, String route, String fromTag, String toTag) {
        return SipText.received(SipText.crlf("""
                %s sip:victim@127.0.0.9:5999 SIP/2.0
                Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-forged-%s
                %sMax-Forwards: 70
                To: <sip:victim@127.0.0.9>;tag=%s
                From: <sip:attacker@198.51.100.7>;tag=%s
                Call-ID: %s
                CSeq: 2 %s
                Contact: <sip:attacker@198.51.100.7:5060>
                Content-Length: 0

                """.formatted(method, method, route == null ? "" : "Route: " + route + "\n", toTag, fromTag, callId, method)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVITE", "BYE", "INFO", "MESSAGE", "NOTIFY", "UPDATE"})
    void aForgedInDialogRequestWithoutOurRouteIsRefusedAndNeverForwarded(String method) {
        proxy.core.receive(forged(method, "forged@x", null, "a", "forged"), stranger);

        assertEquals(List.of(403), stranger.statuses());
        assertEquals(List.of(), victim.sent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVITE", "BYE", "INFO", "MESSAGE", "NOTIFY"})
    void aForgedInDialogRequestThroughOurUnsignedRouteGets481(String method) {
        proxy.core.receive(forged(method, "forged@x", ProxyFixture.OUR_ROUTE, "a", "forged"), stranger);

        assertEquals(List.of(481), stranger.statuses());
        assertEquals(List.of(), victim.sent());
    }

    @Test
    void aRouteSignedForAnotherCallDoesNotOpenTheRelay() {
        employeeWithAPhone();
        WireMessage invite = proxy.call(DIALED);
        proxy.respond(phone, 200, "OK", "p");
        String signed = phone.request("INVITE").values(HeaderId.RECORD_ROUTE).get(0);

        proxy.core.receive(forged("INVITE", "another@x", signed, invite.fromTag(), "p"), stranger);

        assertEquals(List.of(481), stranger.statuses());
        assertEquals(List.of(), victim.sent());
    }

    @Test
    void theRightRouteCallIdAndTagsFromANonPartyAreRefused() {
        employeeWithAPhone();
        WireMessage invite = proxy.call(DIALED);
        proxy.respond(phone, 200, "OK", "p");
        String signed = phone.request("INVITE").values(HeaderId.RECORD_ROUTE).get(0);

        proxy.core.receive(forged("INVITE", invite.callId(), signed, invite.fromTag(), "p"), stranger);

        assertEquals(List.of(403), stranger.statuses());
        assertEquals(List.of(), victim.sent());
        assertEquals(1, proxy.core.activeCalls(), "the call goes on");
    }

    @Test
    void aForgedAckIsDroppedNeitherAnsweredNorForwarded() {
        proxy.core.receive(forged("ACK", "forged@x", ProxyFixture.OUR_ROUTE, "a", "forged"), stranger);
        proxy.core.receive(forged("ACK", "forged@x", null, "a", "forged"), stranger);

        assertEquals(List.of(), stranger.sent());
        assertEquals(List.of(), victim.sent());
        assertEquals(2.0, proxy.registry.counter("vpbx.sip.dropped", "reason", "ack_outside_dialog").count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MESSAGE", "NOTIFY", "INFO", "SUBSCRIBE"})
    void anOutOfDialogRequestForAnotherHostIsNotRelayed(String method) {
        byte[] withoutToTag = SipText.crlf(new String(forged(method, "ood@x", null, "a", "x"))
                .replace(";tag=x\r\n", "\r\n").replace("\r\n", "\n"));
        proxy.core.receive(SipText.received(withoutToTag), stranger);

        assertEquals(List.of(403), stranger.statuses());
        assertEquals("Forbidden (not relaying)", stranger.response(403).reasonPhrase());
        assertEquals(List.of(), victim.sent());
        assertEquals(1.0, proxy.registry.counter("vpbx.sip.refused", "code", "403", "check", "not_relaying").count());
    }

    @Test
    void bothPartiesOfARealCallStillReachEachOther() {
        employeeWithAPhone();
        WireMessage invite = proxy.call(DIALED);
        proxy.respond(phone, 200, "OK", "p");
        WireMessage answer = proxy.carrier.response(200);
        proxy.inDialog("ACK", 1, answer);
        proxy.inDialog("INVITE", 2, answer);
        assertEquals(2, phone.requests("INVITE").size(), "the caller's re-INVITE is relayed");
        assertEquals(1, phone.requests("ACK").size());

        // the callee hangs up: its BYE goes to the caller's Contact along the Record-Route in the order received
        WireMessage received = phone.requests("INVITE").get(0);
        List<String> routeSet = new ArrayList<>(received.values(HeaderId.RECORD_ROUTE));
        byte[] bye = SipText.crlf("""
                BYE sip:%s@10.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK-callee-bye
                Route: %s
                Max-Forwards: 70
                From: %s;tag=p
                To: %s
                Call-ID: %s
                CSeq: 1 BYE
                Content-Length: 0

                """.formatted(ProxyFixture.CALLER, String.join(", ", routeSet), invite.to(), invite.from(), invite.callId()));
        proxy.core.receive(SipText.received(bye), phone);

        assertEquals(1, proxy.network.udp(ProxyFixture.CARRIER_IP, 5060).requests("BYE").size(),
                "the callee's BYE reaches the caller");
        assertEquals(1, proxy.records.size());
        assertTrue(proxy.carrier.statuses().stream().noneMatch(s -> s >= 400), proxy.carrier.statuses().toString());
    }
}
