package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.routing.DepartmentPlan;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forking, ring steps and their timers, failover and fallback, driven through the proxy core without sockets. */
class InviteSessionTest {
    private static final String OUR_VIA = "SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK";
    private static final Fallback.HangUp UNAVAILABLE = new Fallback.HangUp(480);

    private final ProxyFixture proxy = new ProxyFixture();
    private final RecordingFlow phone1 = proxy.network.udp("10.1.1.1", 5060);
    private final RecordingFlow phone2 = proxy.network.udp("10.1.1.2", 5062);

    private void number(Target target, int ringSeconds) {
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", target, ringSeconds, UNAVAILABLE));
    }

    private void employeeWithTwoPhones() {
        proxy.registered.put("e1", List.of("sip:e1@10.1.1.1:5060", "sip:e1@10.1.1.2:5062"));
        number(new Target.Employee("e1"), 20);
    }

    private void huntGroup(RingStrategy strategy) {
        proxy.registered.put("a", List.of("sip:a@10.1.1.1:5060"));
        proxy.registered.put("b", List.of("sip:b@10.1.1.2:5062"));
        proxy.table.put(new DepartmentPlan("sales", strategy,
                List.of(new DepartmentPlan.Member("a", 15), new DepartmentPlan.Member("b", 20))));
        number(new Target.Department("sales"), 30);
    }

    @Test
    void anInviteFromATrunkForksToEveryPhoneOfTheEmployee() {
        employeeWithTwoPhones();

        WireMessage invite = proxy.call(DIALED);

        assertEquals(List.of(), proxy.carrier.statuses());
        assertEquals(100, proxy.carrier.sent().get(0).statusCode(), "100 Trying at once");
        WireMessage first = phone1.request("INVITE");
        WireMessage second = phone2.request("INVITE");
        assertEquals("sip:e1@10.1.1.1:5060", first.requestUri());
        assertEquals("sip:e1@10.1.1.2:5062", second.requestUri());
        for (WireMessage forked : List.of(first, second)) {
            assertTrue(forked.vias().get(0).startsWith(OUR_VIA), forked.vias().get(0));
            assertEquals(invite.vias(), forked.vias().subList(1, forked.vias().size()));
            assertEquals(List.of(ProxyFixture.OUR_ROUTE), unsigned(forked.values(HeaderId.RECORD_ROUTE)));
            assertEquals(69, forked.maxForwardsValue());
            assertEquals(invite.callId(), forked.callId());
            assertBodyOf(invite, forked);
        }
        assertNotEquals(first.topViaBranch(), second.topViaBranch(), "each branch its own transaction");
    }

    @Test
    void ringingGoesUpstreamAndTheFirstAnswerCancelsTheOtherPhone() {
        employeeWithTwoPhones();
        WireMessage invite = proxy.call(DIALED);

        proxy.respond(phone1, 180, "Ringing", "p1");
        proxy.respond(phone2, 200, "OK", "p2");

        assertEquals(List.of(180, 200), proxy.carrier.statuses());
        WireMessage ringing = proxy.carrier.response(180);
        assertEquals(invite.vias(), ringing.vias(), "our Via is popped");
        assertEquals("p1", ringing.toTag());
        WireMessage answer = proxy.carrier.response(200);
        assertEquals("p2", answer.toTag());
        assertEquals(List.of(ProxyFixture.OUR_ROUTE), unsigned(answer.values(HeaderId.RECORD_ROUTE)));
        WireMessage cancel = phone1.request("CANCEL");
        WireMessage forked = phone1.request("INVITE");
        assertEquals(forked.requestUri(), cancel.requestUri());
        assertEquals(forked.topViaBranch(), cancel.topViaBranch(), "the CANCEL names the INVITE's transaction");
        assertEquals("1 CANCEL", cancel.first(HeaderId.CSEQ));
        assertEquals(List.of(), phone2.requests("CANCEL"));

        proxy.respondTo("CANCEL", phone1, 200, "OK");
        proxy.respond(phone1, 487, "Request Terminated", "p1");

        assertEquals(1, phone1.requests("ACK").size(), "the 487 is acknowledged hop by hop");
        assertEquals(List.of(180, 200), proxy.carrier.statuses(), "nothing more upstream");
        assertEquals(1, proxy.core.activeCalls(), "answered, not yet ended");
        assertEquals(List.of(), proxy.records);
    }

    @Test
    void aPhoneThatHasNotRungIsCancelledOnlyOnceItRings() {
        employeeWithTwoPhones();
        proxy.call(DIALED);

        proxy.respond(phone2, 200, "OK", "p2");

        assertEquals(List.of(), phone1.requests("CANCEL"), "section 9.1: no CANCEL before a provisional response");
        proxy.respond(phone1, 180, "Ringing", "p1");
        assertEquals(1, phone1.requests("CANCEL").size());
        assertEquals(List.of(200), proxy.carrier.statuses(), "a ringing after the answer is not relayed");
    }

    @Test
    void aHuntGroupMovesToTheNextMemberWhenTheRingTimeIsOver() {
        huntGroup(RingStrategy.HUNT_IN_ORDER);
        proxy.call(DIALED);
        assertEquals(1, phone1.requests("INVITE").size());
        assertEquals(List.of(), phone2.requests("INVITE"), "one member at a time");
        proxy.respond(phone1, 180, "Ringing", "a");

        proxy.scheduler.advance(Duration.ofSeconds(15).minusMillis(1));
        assertEquals(List.of(), phone1.requests("CANCEL"));
        proxy.scheduler.advance(Duration.ofMillis(1));

        assertEquals(1, phone1.requests("CANCEL").size());
        assertEquals(1, phone2.requests("INVITE").size());
        proxy.respond(phone2, 200, "OK", "b");
        assertEquals(List.of(180, 200), proxy.carrier.statuses());
    }

    @Test
    void whenNobodyAnswersTheFallbackAnswersAndTheRecordSaysNoAnswer() {
        huntGroup(RingStrategy.HUNT_IN_ORDER);
        proxy.call(DIALED);
        proxy.respond(phone1, 180, "Ringing", "a");

        proxy.scheduler.advance(Duration.ofSeconds(15));
        proxy.respond(phone2, 180, "Ringing", "b");
        proxy.scheduler.advance(Duration.ofSeconds(20));

        assertEquals(1, phone2.requests("CANCEL").size());
        WireMessage fallback = proxy.carrier.response(480);
        assertEquals("Temporarily Unavailable", fallback.reasonPhrase());
        CallRecord record = proxy.record();
        assertEquals(CallRecord.Result.NO_ANSWER, record.result());
        assertEquals(480, record.finalCode());
        assertEquals("hang_up 480", record.fallback());
        assertEquals(List.of("no_answer", "no_answer"), record.attempts().stream().map(CallRecord.Attempt::outcome).toList());
        assertEquals(List.of("a", "b"), record.attempts().stream().map(CallRecord.Attempt::employeeId).toList());
        assertEquals(0, proxy.core.activeCalls());
    }

    @Test
    void aBusyMemberPassesTheCallToTheNextAtOnce() {
        huntGroup(RingStrategy.HUNT_IN_ORDER);
        proxy.call(DIALED);

        proxy.respond(phone1, 486, "Busy Here", "a");

        assertEquals(1, phone2.requests("INVITE").size());
        assertEquals(List.of(), proxy.carrier.statuses());
    }

    @Test
    void memoryHuntStartsTheNextCallWithWhoAnsweredLast() {
        huntGroup(RingStrategy.MEMORY_HUNT);
        proxy.call(DIALED);
        proxy.respond(phone1, 486, "Busy Here", "a");
        proxy.respond(phone2, 200, "OK", "b");

        proxy.call(DIALED);

        assertEquals(2, phone2.requests("INVITE").size(), "b answered last, so b rings first");
        assertEquals(1, phone1.requests("INVITE").size());
    }

    @Test
    void aBusyExternalPbxEndsTheForwarding() {
        number(new Target.ExternalPbx(List.of("sip:pbx@10.2.2.1", "sip:pbx@10.2.2.2")), 20);
        proxy.call(DIALED);
        RecordingFlow pbx1 = proxy.network.udp("10.2.2.1", 5060);
        assertEquals("sip:pbx@10.2.2.1", pbx1.request("INVITE").requestUri());

        proxy.respond(pbx1, 486, "Busy Here", "x");

        assertEquals(List.of(486), proxy.carrier.statuses());
        assertEquals("Busy Here", proxy.carrier.response(486).reasonPhrase());
        assertEquals(1, pbx1.requests("ACK").size());
        assertEquals(List.of(), proxy.network.udp("10.2.2.2", 5060).sent(), "busy is an answer, not a failure to fail over");
        assertEquals(CallRecord.Result.BUSY, proxy.record().result());
    }

    @Test
    void anUnavailableExternalPbxFailsOverToTheNextUri() {
        number(new Target.ExternalPbx(List.of("sip:pbx@10.2.2.1", "sip:pbx@10.2.2.2:5070")), 20);
        proxy.call(DIALED);
        RecordingFlow pbx1 = proxy.network.udp("10.2.2.1", 5060);
        RecordingFlow pbx2 = proxy.network.udp("10.2.2.2", 5070);

        proxy.respond(pbx1, 503, "Service Unavailable", "x");

        assertEquals("sip:pbx@10.2.2.2:5070", pbx2.request("INVITE").requestUri());
        assertEquals(List.of(), proxy.carrier.statuses(), "the 503 is not passed upstream");
        proxy.respond(pbx2, 200, "OK", "y");
        assertEquals(List.of(200), proxy.carrier.statuses());
    }

    @Test
    void anExternalPbxInAPrivateRangeIsNeverSentToAndTheNextUriIsTried() {
        proxy.network.refusedHosts.add("10.9.9.9");
        number(new Target.ExternalPbx(List.of("sip:pbx@10.9.9.9", "sip:pbx@10.2.2.2:5070")), 20);
        proxy.call(DIALED);

        assertEquals(List.of(), proxy.network.udp("10.9.9.9", 5060).sent(), "nothing goes to a refused next hop");
        RecordingFlow pbx2 = proxy.network.udp("10.2.2.2", 5070);
        assertEquals("sip:pbx@10.2.2.2:5070", pbx2.request("INVITE").requestUri());
        proxy.respond(pbx2, 200, "OK", "y");
        assertEquals(List.of(200), proxy.carrier.statuses());
    }

    @Test
    void anEmployeeWithoutAPhoneGetsTheFallbackAtOnce() {
        number(new Target.Employee("nobody"), 20);

        proxy.call(DIALED);

        assertEquals(List.of(480), proxy.carrier.statuses());
        assertEquals(CallRecord.Result.FAILED, proxy.record().result());
        assertNull(proxy.record().answeredAt());
    }

    private static void assertBodyOf(WireMessage invite, WireMessage forked) {
        byte[] in = invite.bytes();
        byte[] out = forked.bytes();
        assertEquals(invite.bodyLength(), forked.bodyLength());
        assertTrue(Arrays.equals(in, in.length - invite.bodyLength(), in.length, out, out.length - forked.bodyLength(), out.length),
                "the body is forwarded byte for byte");
    }

    /** Record-Route values without the dialog's signature (docs/adr/0012), which differs per call. */
    private static List<String> unsigned(List<String> routes) {
        return routes.stream().map(route -> route.replaceAll(";dlg=[^;>]*", "")).toList();
    }
}
