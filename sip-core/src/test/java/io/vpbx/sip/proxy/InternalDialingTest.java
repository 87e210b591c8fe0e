package io.vpbx.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.routing.DepartmentPlan;
import io.vpbx.sip.routing.EmployeeEntry;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An employee's phone dials inside its account: a colleague's extension, a department's, another of the account's
 * numbers; and out without choosing a caller ID. The phone authenticates as a real one does; the colleagues' phones
 * and the carrier's gateway are flows on the fake network.
 */
class InternalDialingTest {
    private static final String SALES_LINE = "+74951230002";
    private static final String GATEWAY_IP = "10.0.0.9";

    private final ProxyFixture proxy = new ProxyFixture();
    private final EmployeePhone anna = new EmployeePhone(proxy, "e-anna", "anna", "secret-anna", "192.0.2.50");
    private final RecordingFlow borisPhone = proxy.network.udp("10.1.1.2", 5060);
    private final RecordingFlow claraPhone = proxy.network.udp("10.1.1.3", 5060);
    private final RecordingFlow gateway = proxy.network.udp(GATEWAY_IP, 5060);

    @BeforeEach
    void acme() {
        proxy.table.put(new EmployeeEntry("e-anna", "acme", "Anna Petrova", "101", null, null));
        proxy.table.put(new EmployeeEntry("e-boris", "acme", "Boris", "102", null, null));
        proxy.table.put(new EmployeeEntry("e-clara", "acme", "Clara", "103", null, null));
        proxy.registered.put("e-boris", List.of("sip:boris@10.1.1.2:5060"));
        proxy.registered.put("e-clara", List.of("sip:clara@10.1.1.3:5060"));
        proxy.table.put(new DepartmentPlan("d-sales", RingStrategy.HUNT_IN_ORDER,
                List.of(new DepartmentPlan.Member("e-clara", 15), new DepartmentPlan.Member("e-boris", 15)), "acme", "200"));
        proxy.table.put(new RouteEntry(ProxyFixture.DIALED, "acme", true, true, "active", new Target.Employee("e-boris"),
                20, new Fallback.HangUp(480)));
        proxy.table.put(new RouteEntry(SALES_LINE, "acme", true, true, "active", new Target.Department("d-sales"), 20,
                new Fallback.HangUp(480)));
        proxy.table.put(new TrunkEntry("gw", "gateway", List.of(GATEWAY_IP), null, "sip:gw@" + GATEWAY_IP + ":5060"));
    }

    @Test
    void aColleaguesExtensionRingsTheirPhonesAndShowsTheCallersNameAndExtension() {
        anna.dial("102", "anna", null);

        WireMessage ringing = borisPhone.requests("INVITE").get(0);
        assertEquals("sip:boris@10.1.1.2:5060", ringing.requestUri());
        assertEquals("\"Anna Petrova\" <sip:101@vpbx.test>", ringing.first(HeaderId.P_ASSERTED_IDENTITY));
        assertEquals(List.of(), gateway.sent());
        assertEquals(List.of(), claraPhone.sent());
    }

    @Test
    void aColleagueWhoseMobileRingsTooIsCalledWithTheAccountsNumberAsTheCarrierNeedsOne() {
        proxy.table.put(new EmployeeEntry("e-boris", "acme", "Boris", "102", "+79161112233", null));

        anna.dial("102", "anna", null);

        assertEquals("<sip:" + ProxyFixture.DIALED + "@vpbx.test>",
                borisPhone.requests("INVITE").get(0).first(HeaderId.P_ASSERTED_IDENTITY));
        assertEquals("sip:+79161112233@" + GATEWAY_IP + ":5060", gateway.requests("INVITE").get(0).requestUri());
    }

    @Test
    void aDepartmentsExtensionRingsItsMembersByItsStrategy() {
        anna.dial("200", "anna", null);

        assertEquals(1, claraPhone.requests("INVITE").size(), "the hunt starts with its first member");
        assertEquals(List.of(), borisPhone.sent());
        proxy.respond(claraPhone, 486, "Busy Here", "clara");

        assertEquals(1, borisPhone.requests("INVITE").size(), "then the next one");
    }

    @Test
    void anotherNumberOfTheAccountIsRungByItsForwardingWithTheEmployeesChosenCallerIdAndNoPreferredIdentity() {
        proxy.table.put(new EmployeeEntry("e-anna", "acme", "Anna Petrova", "101", null, SALES_LINE));

        anna.dial("8(495)123-00-01", "anna", null);

        WireMessage ringing = borisPhone.requests("INVITE").get(0);
        assertEquals("<sip:" + SALES_LINE + "@vpbx.test>", ringing.first(HeaderId.P_ASSERTED_IDENTITY));
        assertEquals(List.of(), gateway.sent(), "an own number never goes out to a carrier");
    }

    @Test
    void anExtensionNobodyHasIsNotFoundAndAStringThatIsNoNumberIsIncomplete() {
        anna.dial("555", "anna", null);
        assertEquals(404, lastStatus());

        anna.dial("abc", "anna", null);
        assertEquals(484, lastStatus());
    }

    @Test
    void aCallOutWithoutAChosenCallerIdShowsTheAccountsFirstNumberThatMayCallOut() {
        proxy.table.put(new RouteEntry("+74951230000", "acme", true, false, "blocked: not confirmed", new Target.None(),
                20, null));

        anna.dial("+79161234567", "anna", null);

        WireMessage out = gateway.requests("INVITE").get(0);
        assertEquals("sip:+79161234567@" + GATEWAY_IP + ":5060", out.requestUri());
        assertEquals("<sip:" + ProxyFixture.DIALED + "@vpbx.test>", out.first(HeaderId.P_ASSERTED_IDENTITY),
                "the lowest number barred from calling out is passed over");
    }

    @Test
    void aCallOutAskingForAnotherAccountsNumberIsStillRefused() {
        proxy.table.put(new RouteEntry("+74951239999", "other", true, true, "active", new Target.None(), 20, null));

        anna.dial("+79161234567", "anna", "+74951239999");

        assertEquals(403, lastStatus());
        assertTrue(anna.flow.response(403).reasonPhrase().contains("caller ID is not a number of this account"));
        assertEquals(List.of(), gateway.sent());
    }

    private int lastStatus() {
        List<Integer> statuses = anna.flow.statuses();
        return statuses.get(statuses.size() - 1);
    }
}
