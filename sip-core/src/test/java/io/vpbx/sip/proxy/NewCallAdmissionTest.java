package io.vpbx.sip.proxy;

import static io.vpbx.sip.proxy.ProxyFixture.DIALED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.sip.SipText;
import io.vpbx.config.SipOverloadConfig;
import io.vpbx.sip.overload.LoadSample;
import io.vpbx.sip.overload.OverloadControl;
import io.vpbx.sip.overload.OverloadGovernor;
import io.vpbx.sip.overload.OverloadMetrics;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.forwarding.Fallback;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Overload control's step in the proxy: new calls beyond the admitted share get 503, calls already up never do. */
class NewCallAdmissionTest {
    /** The receive queue never drains: the governor admits a falling share of new calls. */
    private static final LoadSample BEHIND = new LoadSample(0, 20, 0);

    private final OverloadGovernor governor = new OverloadGovernor(SipOverloadConfig.defaults());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProxyFixture proxy = new ProxyFixture(Optional.of(new OverloadControl(governor,
            new OverloadMetrics(meters, governor), Duration.ofSeconds(2))));
    private final RecordingFlow phone = proxy.network.udp("10.1.1.1", 5060);

    private void anEmployeesNumber() {
        proxy.registered.put("e1", List.of("sip:e1@10.1.1.1:5060"));
        proxy.table.put(new RouteEntry(DIALED, "acme", true, true, "active", new Target.Employee("e1"), 20,
                new Fallback.HangUp(480)));
    }

    @Test
    void aNewCallBeyondTheAdmittedShareGets503WithRetryAfterAndNoTransaction() {
        anEmployeesNumber();
        governor.sample(BEHIND);

        proxy.call(DIALED);

        WireMessage refused = proxy.carrier.response(503);
        assertEquals("2", refused.first("Retry-After"));
        assertNotNull(refused.toTag());
        assertEquals(0, proxy.core.transactionCount(), "stateless: no transaction, no timers");
        assertEquals(List.of(), phone.sent());
        assertEquals(List.of(), proxy.records, "no call was attempted");
        assertEquals(1.0, meters.get("vpbx.sip.overload.rejected").counter().count());
    }

    @Test
    void theAckOfThe503IsAbsorbed() {
        anEmployeesNumber();
        governor.sample(BEHIND);
        WireMessage invite = proxy.call(DIALED);
        WireMessage refused = proxy.carrier.response(503);

        proxy.fromCarrier(WireMessage.parse(Rewrites.ack(invite, refused)));

        assertEquals(List.of(), phone.sent());
        assertEquals(1, proxy.network.peers(), "the ACK went nowhere, not even back to us");
    }

    @Test
    void callsAlreadyUpAreNeverShed() {
        anEmployeesNumber();
        proxy.call(DIALED);
        proxy.respond(phone, 200, "OK", "p");
        WireMessage answer = proxy.carrier.response(200);
        for (int i = 0; i < 20; i++) {
            governor.sample(BEHIND);
        }

        proxy.inDialog("ACK", 1, answer);
        proxy.inDialog("BYE", 2, answer);

        assertNotNull(phone.request("ACK"));
        assertNotNull(phone.request("BYE"));
        assertEquals(0.0, meters.get("vpbx.sip.overload.rejected").counter().count());
    }

    @Test
    void aRetransmissionOfAnAdmittedInviteIsNotRefused() {
        anEmployeesNumber();
        WireMessage invite = proxy.call(DIALED);
        governor.sample(BEHIND);

        proxy.fromCarrier(invite);

        assertEquals(List.of(), proxy.carrier.statuses(), "absorbed by its transaction, no 503");
        assertEquals(1, phone.requests("INVITE").size());
    }

    @Test
    void overTcpARefusedCallIsAnsweredEvenWhileUdpCallsAreDroppedUnread() {
        anEmployeesNumber();
        governor.sample(new LoadSample(0, 60, 0));
        RecordingFlow tcpCarrier = new RecordingFlow(new InetSocketAddress(ProxyFixture.CARRIER_IP, 5060), "TCP");

        proxy.core.receive(SipText.received(proxy.invite(DIALED).bytes()), tcpCarrier);
        proxy.call(DIALED);

        assertEquals(List.of(503), tcpCarrier.statuses());
        assertEquals(List.of(), proxy.carrier.statuses(), "over UDP the early drop decided; what passed is admitted");
        assertEquals(1, phone.requests("INVITE").size());
    }
}
