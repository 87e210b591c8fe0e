package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.CALLER;
import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.SipText;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Fallback;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proxy's script for what arrives: routing decisions, CANCEL, and requests within a call, without sockets. */
class ProxyCoreTest {
    private final ProxyFixture proxy = new ProxyFixture();
    private final RecordingFlow phone1 = proxy.network.udp("10.1.1.1", 5060);
    private final RecordingFlow phone2 = proxy.network.udp("10.1.1.2", 5062);

    private void employeeWithTwoPhones() {
        proxy.registered.put("e1", List.of("sip:e1@10.1.1.1:5060", "sip:e1@10.1.1.2:5062"));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Employee("e1"), 20,
                new Fallback.HangUp(480)));
    }

    @Test
    void anUnknownNumberGets404AndARejectedRecord() {
        WireMessage invite = proxy.call("+74959999999");

        assertEquals(List.of(404), proxy.carrier.statuses());
        WireMessage notFound = proxy.carrier.response(404);
        assertEquals(invite.vias(), notFound.vias());
        assertNotNull(notFound.toTag());
        CallRecord record = proxy.record();
        assertEquals(CallRecord.Result.REJECTED, record.result());
        assertEquals(404, record.finalCode());
        assertEquals(CallRecord.Direction.INBOUND, record.direction());
        assertEquals(CALLER, record.caller());
        assertEquals("+74959999999", record.callee());
        assertEquals("carrier", record.carrier());
        assertEquals(List.of(), record.attempts());
        assertEquals(2, proxy.network.peers(), "no target was tried: only the two phones the test made are known");
    }

    @Test
    void aNumberBlockedForInboundCallsGets403WithTheReason() {
        proxy.table.put(new RouteEntry(DIALED, "acme", false, true, "blocked: not confirmed by the registry deadline",
                new Target.Employee("e1"), 20, null));

        proxy.call(DIALED);

        assertEquals("Forbidden (blocked: not confirmed by the registry deadline)", proxy.carrier.response(403).reasonPhrase());
        CallRecord record = proxy.record();
        assertEquals(CallRecord.Result.REJECTED, record.result());
        assertEquals("acme", record.accountId());
        assertEquals(DIALED, record.number());
    }

    @Test
    void aCarrierDialledNumberInNationalFormIsFound() {
        employeeWithTwoPhones();

        proxy.call("84951230001");

        assertEquals(1, phone1.requests("INVITE").size());
    }

    @Test
    void anInviteFromASourceThatIsNoTrunkMustAuthenticate() {
        employeeWithTwoPhones();
        RecordingFlow phone = new RecordingFlow(new InetSocketAddress("192.0.2.50", 5060), "UDP");

        proxy.core.receive(SipText.received(proxy.invite(DIALED).bytes()), phone);

        WireMessage challenge = phone.response(407);
        assertTrue(challenge.first("Proxy-Authenticate").startsWith("Digest "), challenge.first("Proxy-Authenticate"));
        assertEquals(List.of(), phone1.sent());
    }

    @Test
    void aRetransmittedInviteIsAbsorbedByItsTransaction() {
        employeeWithTwoPhones();
        WireMessage invite = proxy.call(DIALED);

        proxy.fromCarrier(invite);

        assertEquals(1, phone1.requests("INVITE").size());
        assertEquals(2, proxy.carrier.sent().stream().filter(m -> m.statusCode() == 100).count(), "the 100 is sent again");
    }

    @Test
    void anInviteThatLoopsBackOrHasNoHopsLeftIsRefused() {
        employeeWithTwoPhones();
        WireMessage noHops = WireMessage.parse(SipText.crlf(new String(proxy.invite(DIALED).bytes(),
                ISO_8859_1).replace("Max-Forwards: 70", "Max-Forwards: 0").replace("\r\n", "\n")));
        WireMessage looped = WireMessage.parse(SipText.crlf(new String(proxy.invite(DIALED).bytes(),
                ISO_8859_1).replace("Max-Forwards: 70",
                "Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bKold\nMax-Forwards: 70").replace("\r\n", "\n")));

        proxy.fromCarrier(noHops);
        proxy.fromCarrier(looped);

        assertEquals(List.of(483, 482), proxy.carrier.statuses());
        assertEquals(List.of(), phone1.sent());
    }

    @Test
    void aMalformedInviteGets400FromTheStatelessResponder() {
        String text = new String(proxy.invite(DIALED).bytes(), ISO_8859_1);

        proxy.core.receive(text.replace("CSeq: 1 INVITE", "CSeq: 1 BYE"),
                proxy.carrier);

        assertEquals("Bad Request (CSeq method does not match the request method)", proxy.carrier.response(400).reasonPhrase());
    }

    @Test
    void aCancelFromTheCallerStopsEveryBranch() {
        employeeWithTwoPhones();
        WireMessage invite = proxy.call(DIALED);
        proxy.respond(phone1, 180, "Ringing", "p1");
        proxy.respond(phone2, 183, "Session Progress", "p2");

        proxy.cancel(invite);

        assertEquals(List.of(180, 183, 200, 487), proxy.carrier.statuses());
        assertEquals("CANCEL", proxy.carrier.response(200).cseqMethod());
        assertEquals("INVITE", proxy.carrier.response(487).cseqMethod());
        assertEquals(1, phone1.requests("CANCEL").size());
        assertEquals(1, phone2.requests("CANCEL").size());
        CallRecord record = proxy.record();
        assertEquals(CallRecord.Result.CANCELLED, record.result());
        assertEquals(487, record.finalCode());
        assertEquals(List.of("cancelled", "cancelled"), record.attempts().stream().map(CallRecord.Attempt::outcome).toList());
    }

    @Test
    void aCancelMatchingNoInviteGets481() {
        proxy.cancel(proxy.invite(DIALED));

        assertEquals(List.of(481), proxy.carrier.statuses());
    }

    @Test
    void theAckForTheAnswerAndTheByeFollowTheRouteToThePhoneAndTheByeEndsTheRecord() {
        employeeWithTwoPhones();
        proxy.call(DIALED);
        proxy.respond(phone1, 180, "Ringing", "p1");
        proxy.respond(phone2, 200, "OK", "p2");
        WireMessage answer = proxy.carrier.response(200);

        proxy.inDialog("ACK", 1, answer);

        WireMessage ack = phone2.request("ACK");
        assertEquals("sip:phone@10.1.1.2:5062", ack.requestUri());
        assertEquals(List.of(), ack.values(HeaderId.ROUTE), "our Route is popped");
        assertTrue(ack.vias().get(0).startsWith("SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK"), ack.vias().get(0));
        assertEquals(2, ack.vias().size());
        assertEquals(69, ack.maxForwardsValue());

        proxy.scheduler.advance(Duration.ofSeconds(42));
        proxy.inDialog("BYE", 2, answer);

        WireMessage bye = phone2.request("BYE");
        assertEquals("sip:phone@10.1.1.2:5062", bye.requestUri());
        assertEquals(List.of(), bye.values(HeaderId.ROUTE));
        assertEquals("p2", bye.toTag());
        CallRecord record = proxy.record();
        assertEquals(CallRecord.Result.ANSWERED, record.result());
        assertEquals(200, record.finalCode());
        assertEquals(42, record.durationSeconds());
        assertEquals(List.of("started " + record.accountId() + " " + record.number(),
                "answered " + record.accountId() + " " + record.number()), proxy.progress, "call.started, call.answered");
        assertEquals(List.of("answered", "cancelled"), record.attempts().stream().map(CallRecord.Attempt::outcome).toList());
        assertEquals(0, proxy.core.activeCalls());

        proxy.respondTo("BYE", phone2, 200, "OK");

        WireMessage byeOk = proxy.carrier.response(200);
        assertEquals("BYE", byeOk.cseqMethod());
        assertEquals(1, byeOk.vias().size(), "our Via is popped");
    }

    @Test
    void anAnswerTheCallerNeverAcknowledgesIsHungUpAfterTimerHAndRecordedAsNotBillable() {
        employeeWithTwoPhones();
        proxy.call(DIALED);
        proxy.respond(phone2, 200, "OK", "p2");
        assertEquals(1, proxy.core.activeCalls());

        proxy.scheduler.advance(Duration.ofSeconds(31));
        assertEquals(List.of(), phone2.requests("BYE"), "Timer H is 64*T1 = 32 s");
        proxy.scheduler.advance(Duration.ofSeconds(1));

        WireMessage bye = phone2.request("BYE");
        assertEquals("sip:phone@10.1.1.2:5062", bye.requestUri());
        assertEquals("p2", bye.toTag());
        assertEquals(2, bye.cseqNumber());
        CallRecord record = proxy.record();
        assertEquals(CallRecord.Result.NOT_ACKNOWLEDGED, record.result());
        assertEquals(0, record.durationSeconds(), "nothing billable");
        assertEquals(0, proxy.core.activeCalls());
        assertEquals(1.0, proxy.registry.get("vpbx.sip.calls").tag("result", "not_acknowledged").counter().count());
    }

    @Test
    void anAcknowledgedAnswerOutlivesTimerH() {
        employeeWithTwoPhones();
        proxy.call(DIALED);
        proxy.respond(phone2, 200, "OK", "p2");
        proxy.inDialog("ACK", 1, proxy.carrier.response(200));

        proxy.scheduler.advance(Duration.ofMinutes(5));

        assertEquals(List.of(), phone2.requests("BYE"));
        assertEquals(List.of(), proxy.records);
        assertEquals(1, proxy.core.activeCalls());
    }

    @Test
    void aCallFromUdpToATcpPhoneIsRecordRoutedTwiceAndItsRequestsPassBothOurRoutes() {
        proxy.registered.put("e1", List.of("sip:e1@10.1.1.5:5060;transport=tcp"));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Employee("e1"), 20, null));
        RecordingFlow tcpPhone = proxy.network.flow("TCP", new InetSocketAddress("10.1.1.5", 5060));
        proxy.call(DIALED);

        WireMessage forked = tcpPhone.request("INVITE");
        assertTrue(forked.vias().get(0).startsWith("SIP/2.0/TCP 203.0.113.1:5060;branch="), forked.vias().get(0));
        // RFC 5658: the entry nearer the phone names the transport the phone reaches us on
        assertEquals(List.of("<sip:203.0.113.1:5060;transport=tcp;lr>", ProxyFixture.OUR_ROUTE),
                forked.values(HeaderId.RECORD_ROUTE).stream().map(route -> route.replaceAll(";dlg=[^;>]*", "")).toList());
        proxy.respond(tcpPhone, 200, "OK", "p");
        WireMessage answer = proxy.carrier.response(200);

        proxy.inDialog("ACK", 1, answer);
        proxy.inDialog("BYE", 2, answer);

        assertEquals(List.of(), tcpPhone.request("ACK").values(HeaderId.ROUTE));
        assertEquals(List.of(), tcpPhone.request("BYE").values(HeaderId.ROUTE));
        assertEquals(List.of(), proxy.carrier.statuses().subList(1, proxy.carrier.statuses().size()), "no 481 for the BYE");
        assertEquals(CallRecord.Result.ANSWERED, proxy.record().result());
    }

    @Test
    void aRetransmitted200IsRelayedUpstreamWithoutATransaction() {
        employeeWithTwoPhones();
        proxy.call(DIALED);
        proxy.respond(phone1, 200, "OK", "p1");

        proxy.respond(phone1, 200, "OK", "p1");

        // the INVITE transactions ended with the first 2xx; the retransmission goes to the caller's Via
        WireMessage again = proxy.network.udp(ProxyFixture.CARRIER_IP, 5060).response(200);
        assertEquals(1, again.vias().size());
        assertEquals(List.of(200), proxy.carrier.statuses());
    }

    @Test
    void everyAnswerGoesUpstreamWhenTwoPhonesAnswer() {
        employeeWithTwoPhones();
        proxy.call(DIALED);

        proxy.respond(phone1, 200, "OK", "p1");
        proxy.respond(phone2, 200, "OK", "p2");

        // section 16.7 step 5: the caller acknowledges the second answer and hangs it up
        assertEquals(List.of(200, 200), proxy.carrier.statuses());
        assertEquals("p2", proxy.carrier.response(200).toTag());
    }

    @Test
    void aPhoneThatAnswersAfterTheCallerHungUpIsAcknowledgedAndHungUp() {
        employeeWithTwoPhones();
        WireMessage invite = proxy.call(DIALED);
        proxy.cancel(invite);

        proxy.respond(phone1, 200, "OK", "p1");

        assertEquals(List.of(200, 487), proxy.carrier.statuses(), "the late answer does not reach the caller");
        WireMessage ack = phone1.request("ACK");
        WireMessage bye = phone1.request("BYE");
        assertEquals("sip:phone@10.1.1.1:5060", bye.requestUri());
        assertEquals("p1", bye.toTag());
        assertEquals(2, bye.cseqNumber());
        assertEquals(1, ack.cseqNumber());
    }

    @Test
    void aByeForACallThatIsNotOursGets481AndIsNotRelayed() {
        employeeWithTwoPhones();
        WireMessage stranger = WireMessage.parse(SipText.crlf("""
                SIP/2.0 200 OK
                Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKx
                To: <sip:b@10.1.1.1>;tag=b
                From: <sip:a@10.0.0.1>;tag=a
                Call-ID: stranger@example.com
                CSeq: 1 INVITE
                Record-Route: <sip:203.0.113.1:5060;lr>
                Contact: <sip:b@10.1.1.1:5060>
                Content-Length: 0

                """));

        proxy.inDialog("BYE", 2, stranger);

        assertEquals(0, phone1.requests("BYE").size(), "our unsigned Route proves no dialog of ours (docs/adr/0012)");
        assertEquals(List.of(481), proxy.carrier.statuses());
        assertEquals(List.of(), proxy.records);
    }

    @Test
    void optionsToTheProxyIsAnsweredLocally() {
        WireMessage options = WireMessage.parse(SipText.crlf(SipText.options("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKo", "o@x")));

        proxy.fromCarrier(options);

        WireMessage ok = proxy.carrier.response(200);
        assertNotNull(ok.first("Allow"));
        assertNull(ok.first("Record-Route"));
    }
}
