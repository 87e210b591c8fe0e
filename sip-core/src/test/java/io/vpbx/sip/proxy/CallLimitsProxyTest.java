package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.routing.AccountCallLimits;
import io.vpbx.sip.routing.DestinationPolicy;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Fallback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An account's toll-fraud limits on calls in through the proxy's script, on a fake network and scheduler. */
class CallLimitsProxyTest {
    private final ProxyFixture proxy = new ProxyFixture();
    private final RecordingFlow phone = proxy.network.udp("10.1.1.2", 5062);

    private void acmeWithLimits(int concurrent, Duration maxDuration) {
        proxy.registered.put("e1", List.of("sip:e1@10.1.1.2:5062"));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Employee("e1"), 20,
                new Fallback.HangUp(480)));
        proxy.table.putCallLimits("acme", new AccountCallLimits(concurrent, 100, maxDuration, DestinationPolicy.open()));
    }

    @Test
    void theCallOverTheAccountsConcurrentLimitIsBusyAndCountedUntilACallEnds() {
        acmeWithLimits(1, Duration.ofHours(1));
        WireMessage first = proxy.call(DIALED);
        proxy.call(DIALED);

        WireMessage busy = proxy.carrier.response(486);
        assertTrue(busy.reasonPhrase().contains("1 concurrent calls"), busy.reasonPhrase());
        assertEquals("399 vpbx \"concurrent_calls\"", busy.first("Warning"));
        assertEquals(1, phone.requests("INVITE").size(), "the second call never reached the phone");
        assertEquals(CallRecord.Result.REJECTED, proxy.records.get(0).result());

        proxy.cancel(first);
        proxy.call(DIALED);
        assertEquals(2, phone.requests("INVITE").size(), "the cancelled call freed its slot");
    }

    @Test
    void atTheDurationLimitBothPartiesGetAByeAndTheRecordEnds() {
        acmeWithLimits(5, Duration.ofSeconds(30));
        WireMessage invite = proxy.call(DIALED);
        proxy.respond(phone, 200, "OK", "p1");
        WireMessage answer = proxy.carrier.response(200);
        proxy.inDialog("ACK", 1, answer);

        proxy.scheduler.advance(Duration.ofSeconds(30));

        WireMessage calleeBye = phone.request("BYE");
        assertEquals("sip:phone@10.1.1.2:5062", calleeBye.requestUri());
        assertEquals(invite.callId(), calleeBye.callId());
        assertEquals("caller", calleeBye.fromTag(), "towards the callee we speak as the caller");
        assertEquals("p1", calleeBye.toTag());
        assertEquals(List.of(), calleeBye.values(HeaderId.ROUTE));
        WireMessage callerBye = proxy.carrier.request("BYE");
        assertEquals("sip:" + ProxyFixture.CALLER + "@" + ProxyFixture.CARRIER_IP + ":5060", callerBye.requestUri());
        assertEquals("p1", callerBye.fromTag(), "towards the caller we speak as the callee");
        assertEquals("caller", callerBye.toTag());
        assertTrue(callerBye.vias().get(0).contains("z9hG4bK"));
        CallRecord record = proxy.record();
        assertEquals(CallRecord.Result.ANSWERED, record.result());
        assertEquals(30, record.durationSeconds());
        assertEquals(0, proxy.core.activeCalls());
        assertEquals(1.0, proxy.registry.counter("vpbx.sip.limits.refused", "limit", "max_call_duration").count());
    }

    @Test
    void aCallEndedByItsPartiesBeforeTheLimitGetsNoByeFromUs() {
        acmeWithLimits(5, Duration.ofSeconds(30));
        proxy.call(DIALED);
        proxy.respond(phone, 200, "OK", "p1");
        WireMessage answer = proxy.carrier.response(200);
        proxy.inDialog("ACK", 1, answer);
        proxy.scheduler.advance(Duration.ofSeconds(10));
        proxy.inDialog("BYE", 2, answer);
        proxy.respondTo("BYE", phone, 200, "OK");

        proxy.scheduler.advance(Duration.ofSeconds(60));

        assertEquals(1, phone.requests("BYE").size(), "only the caller's own BYE");
        assertEquals(List.of(), proxy.carrier.requests("BYE"));
        assertEquals(10, proxy.record().durationSeconds());
    }
}
