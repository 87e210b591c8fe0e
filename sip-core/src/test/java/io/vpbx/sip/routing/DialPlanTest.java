package io.vpbx.sip.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.telephony.forwarding.RingStrategy;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.ServiceCode;
import io.vpbx.telephony.scenario.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a dialled string means in an account's dial plan, from the routing table alone. */
class DialPlanTest {
    private final RoutingTable table = new RoutingTable();
    private final DialPlan plan = new DialPlan(table);
    private final RouteEntry ownNumber = new RouteEntry("+74951230001", "acme", true, true, "active", null, 20, null);
    private final RouteEntry othersNumber = new RouteEntry("+74951239999", "other", true, true, "active", null, 20, null);

    DialPlanTest() {
        table.put(new EmployeeEntry("e-boris", "acme", "Boris", "102", null, null));
        table.put(new EmployeeEntry("e-olga", "other", "Olga", "103", null, null));
        table.put(new DepartmentPlan("d-sales", RingStrategy.RING_ALL, List.of(), "acme", "200"));
        table.put(new EmployeeEntry("e-six", "acme", "Six", "123456", null, null));
        table.put(ownNumber);
        table.put(othersNumber);
        table.putScenario(scenario("ivr-acme", "acme", "*12"));
        table.putScenario(scenario("ivr-other", "other", "*13"));
    }

    private static Scenario scenario(String id, String accountId, String code) {
        return new Scenario(id, accountId, 1, id, "bye", Map.of("bye", new Step.Hangup(480)),
                code == null ? null : new ServiceCode(code));
    }

    @Test
    void aServiceCodeRunsTheScenarioOfTheCallersAccountThatHasIt() {
        Dialed expected = new Dialed.ServiceCode("*12", new Target.Scenario("ivr-acme"));
        assertEquals(expected, plan.interpret("acme", "*12"));
        assertEquals(expected, plan.interpret("acme", "%2A12"), "a phone may escape the star (RFC 3261 19.1.4)");
        assertEquals(expected, plan.interpret("acme", "%2a12;user=phone"));
    }

    @Test
    void anUnknownServiceCodeOrAnotherAccountsIsNotFound() {
        Dialed notFound = new Dialed.Refused(404, "Not Found (no such service code)");
        assertEquals(notFound, plan.interpret("acme", "*13"), "another account's code is nobody here");
        assertEquals(notFound, plan.interpret("acme", "*999999"));
        assertEquals(notFound, plan.interpret(null, "*12"));
    }

    @Test
    void aStarWithTooFewOrTooManyDigitsIsIncomplete() {
        assertEquals(new Dialed.Refused(484, "Address Incomplete"), plan.interpret("acme", "*1"));
        assertEquals(new Dialed.Refused(484, "Address Incomplete"), plan.interpret("acme", "*1234567"));
        assertEquals(new Dialed.Refused(484, "Address Incomplete"), plan.interpret("acme", "*"));
        assertEquals(new Dialed.Refused(484, "Address Incomplete"), plan.interpret("acme", "%2A1"));
    }

    @Test
    void aScenarioThatDropsOrChangesItsCodeIsNoLongerDialledByTheOldOne() {
        table.putScenario(scenario("ivr-acme", "acme", "*21"));
        assertEquals(new Dialed.Refused(404, "Not Found (no such service code)"), plan.interpret("acme", "*12"));
        assertEquals(new Dialed.ServiceCode("*21", new Target.Scenario("ivr-acme")), plan.interpret("acme", "*21"));
        table.putScenario(scenario("ivr-acme", "acme", null));
        assertEquals(new Dialed.Refused(404, "Not Found (no such service code)"), plan.interpret("acme", "*21"));
        table.putScenario(scenario("ivr-acme", "acme", "*12"));
        table.removeScenario("ivr-acme");
        assertEquals(new Dialed.Refused(404, "Not Found (no such service code)"), plan.interpret("acme", "*12"));
    }

    @Test
    void escapesOtherThanPrintableCharactersAreKeptAsTheyCame() {
        assertEquals("*12", DialPlan.unescaped("%2A12"));
        assertEquals("%zz12", DialPlan.unescaped("%zz12"));
        assertEquals("12%2", DialPlan.unescaped("12%2"));
        assertEquals("%0A12", DialPlan.unescaped("%0A12"));
    }

    @Test
    void anExtensionNamesTheEmployeeOrDepartmentOfTheCallersAccount() {
        assertEquals(new Dialed.Extension("102", new Target.Employee("e-boris")), plan.interpret("acme", "102"));
        assertEquals(new Dialed.Extension("200", new Target.Department("d-sales")), plan.interpret("acme", "200"));
        assertEquals(new Dialed.Extension("123456", new Target.Employee("e-six")), plan.interpret("acme", "123456;phone-context=x"));
    }

    @Test
    void anotherAccountsExtensionIsNobodyHere() {
        assertEquals(new Dialed.Refused(404, "Not Found (no such extension)"), plan.interpret("acme", "103"));
        assertEquals(new Dialed.Refused(404, "Not Found (no such extension)"), plan.interpret("acme", "112"),
                "emergency numbers are not carried");
    }

    @Test
    void whatIsNoNumberNorExtensionIsIncomplete() {
        assertEquals(new Dialed.Refused(484, "Address Incomplete"), plan.interpret("acme", "7"));
        assertEquals(new Dialed.Refused(484, "Address Incomplete"), plan.interpret("acme", "boris"));
        assertEquals(new Dialed.Refused(484, "Address Incomplete"), plan.interpret("acme", null));
    }

    @Test
    void numbersInAnyFormAreTheAccountsOwnAnotherAccountsOrOutside() {
        assertEquals(new Dialed.OwnNumber(ownNumber), plan.interpret("acme", "8 (495) 123-00-01"));
        assertEquals(new Dialed.OwnNumber(ownNumber), plan.interpret("acme", "+74951230001"));
        assertEquals(new Dialed.PlatformNumber(othersNumber), plan.interpret("acme", "84951239999"));
        assertEquals(new Dialed.External("+79161234567"), plan.interpret("acme", "89161234567"));
        assertEquals(new Dialed.External("+654321"), plan.interpret("other", "654321"),
                "six digits that are no extension of the account are a number, as before");
    }
}
