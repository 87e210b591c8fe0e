package io.vpbx.sip.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which number an employee's call shows, and when a call out is refused for it. */
class CallerIdChoiceTest {
    private final RoutingTable table = new RoutingTable();
    private final CallerIdChoice choice = new CallerIdChoice(table);
    private final RouteEntry barred = entry("+74951230000", "acme", false);
    private final RouteEntry main = entry("+74951230001", "acme", true);
    private final RouteEntry sales = entry("+74951230002", "acme", true);
    private final RouteEntry others = entry("+74951239999", "other", true);

    CallerIdChoiceTest() {
        table.put(barred);
        table.put(main);
        table.put(sales);
        table.put(others);
        table.put(new EmployeeEntry("e-anna", "acme", "Anna", "101", null, null));
    }

    @Test
    void aNumberTheAccountHasIsShownWhenAskedFor() {
        assertEquals(new CallerIdChoice.Choice.Shown(sales), choice.choose("acme", "e-anna", sales.e164(), true));
    }

    @Test
    void askingToShowANumberThatIsNotTheAccountsOrMayNotCallOutRefusesACallOut() {
        assertEquals(new CallerIdChoice.Choice.Refused("caller ID is not a number of this account"),
                choice.choose("acme", "e-anna", others.e164(), true));
        assertEquals(new CallerIdChoice.Choice.Refused("caller ID may not call out: barred"),
                choice.choose("acme", "e-anna", barred.e164(), true));
        assertEquals(new CallerIdChoice.Choice.Shown(main), choice.choose("acme", "e-anna", barred.e164(), false),
                "inside the account the call goes on, showing a number that may be a caller ID");
    }

    @Test
    void withoutAskingTheEmployeesChoiceElseTheAccountsFirstNumberThatMayCallOut() {
        assertEquals(new CallerIdChoice.Choice.Shown(main), choice.choose("acme", "e-anna", null, true));
        table.put(new EmployeeEntry("e-anna", "acme", "Anna", "101", null, sales.e164()));
        assertEquals(new CallerIdChoice.Choice.Shown(sales), choice.choose("acme", "e-anna", null, true));
        table.put(new EmployeeEntry("e-anna", "acme", "Anna", "101", null, barred.e164()));
        assertEquals(new CallerIdChoice.Choice.Shown(main), choice.choose("acme", "e-anna", null, true),
                "a chosen number that may no longer call out is passed over");
    }

    @Test
    void anAccountWithNoNumberThatMayCallOutCannotCallOutButCanCallInside() {
        table.removeNumber(main.e164());
        table.removeNumber(sales.e164());
        assertEquals(new CallerIdChoice.Choice.Refused("no number of this account may call out"),
                choice.choose("acme", "e-anna", null, true));
        assertEquals(new CallerIdChoice.Choice.Shown(null), choice.choose("acme", "e-anna", null, false));
        assertEquals(new CallerIdChoice.Choice.Shown(null), choice.choose("acme", "e-anna", others.e164(), false),
                "another account's number is never shown, but a call inside goes on");
    }

    @Test
    void aNumberMovedToAnotherAccountLeavesTheFirstAccountsChoice() {
        table.put(entry(main.e164(), "other", true));
        assertEquals(new CallerIdChoice.Choice.Shown(sales), choice.choose("acme", "e-anna", null, true));
    }

    private static RouteEntry entry(String e164, String account, boolean outbound) {
        return new RouteEntry(e164, account, true, outbound, outbound ? "active" : "barred", null, 20, null);
    }
}
