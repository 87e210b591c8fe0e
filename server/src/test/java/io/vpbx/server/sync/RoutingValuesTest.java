package io.vpbx.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingSchedule;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.forwarding.SipUri;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.CallPolicy;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import io.vpbx.admin.domain.price.Money;
import io.vpbx.admin.domain.price.Price;
import io.vpbx.admin.domain.trunk.SourceAddress;
import io.vpbx.admin.domain.trunk.Trunk;
import io.vpbx.sip.routing.ScheduleChoice;
import io.vpbx.sip.routing.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** URIs stored before the API checked them never reach the routing table, so they are never written into SIP. */
class RoutingValuesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

    @Test
    void anExternalPbxUriThatBreaksTheGrammarIsLeftOut() {
        // built with the record's constructor, as a row read from storage is: no check on the way
        NumberRecord record = number(new ForwardingTarget.ExternalPbx(List.of(
                new SipUri("sip:127.0.0.1:5099;x=a\r\nX-Injected: yes"), new SipUri("sip:pbx.example.com?Subject=pwn"),
                new SipUri("sip:pbx2.example.com:5060"))));
        assertEquals(new Target.ExternalPbx(List.of("sip:pbx2.example.com:5060")),
                RoutingValues.entry(record, new CallPolicy()).target());
        NumberRecord onlyBad = number(new ForwardingTarget.ExternalPbx(List.of(new SipUri("sip:pbx.example.com;maddr=10.0.0.1"))));
        assertEquals(new Target.None(), RoutingValues.entry(onlyBad, new CallPolicy()).target());
    }

    @Test
    void aScheduledForwardingCarriesItsScheduleAndClosedTargetAndNoClosedTargetIsTheFallback() {
        NumberRecord scheduled = number(new ForwardingTarget.Employee("e-1"));
        scheduled = scheduled.withSettings(null, new Forwarding(new ForwardingTarget.Employee("e-1"), 30,
                new ForwardingSchedule("sch-1", new ForwardingTarget.ExternalNumber("+79161234567"))), null);
        assertEquals(new ScheduleChoice("sch-1", new Target.ExternalNumber("+79161234567")),
                RoutingValues.entry(scheduled, new CallPolicy()).schedule());
        NumberRecord toFallback = scheduled.withSettings(null, new Forwarding(new ForwardingTarget.Employee("e-1"), 30,
                new ForwardingSchedule("sch-1", null)), null);
        assertEquals(new ScheduleChoice("sch-1", new Target.None()), RoutingValues.entry(toFallback, new CallPolicy()).schedule());
        assertNull(RoutingValues.entry(number(new ForwardingTarget.Employee("e-1")), new CallPolicy()).schedule(), "all hours");
    }

    @Test
    void aTrunkGatewayThatBreaksTheGrammarIsNoGateway() {
        assertNull(RoutingValues.trunk(trunk("sip:gw.example.com\r\nX-Injected: yes")).outboundUri());
        assertEquals("sip:gw.example.com;transport=tcp", RoutingValues.trunk(trunk("sip:gw.example.com;transport=tcp")).outboundUri());
    }

    private static Trunk trunk(String outboundUri) {
        return new Trunk("t-1", "carrier", List.of(SourceAddress.of("source_addresses[0]", "192.0.2.10")), null, outboundUri,
                true, NOW, NOW);
    }

    private static NumberRecord number(ForwardingTarget target) {
        return new NumberRecord("+74951234567", Country.RU, NumberType.CITY, "Moscow", "4951234567", NumberCategory.REGULAR,
                List.of(), "v1", new Price(Money.of("0", "RUB"), Money.of("0", "RUB")), NumberState.ACTIVE, "acc-1", null, null,
                NOW, null, NOW, null, new Forwarding(target, 30), null, null, null, null, null);
    }
}
