package io.vpbx.sip.routing;

import java.util.Optional;

/**
 * Which of the account's numbers an employee's call shows, from the routing table alone; a number shown always has the
 * compliance permission to be a caller ID (a Chinese 400 number never has). A phone that asks for a number
 * (P-Preferred-Identity, else a From user that is a number) gets it when it is the account's and has that permission;
 * for a call that goes out, asking for any other number refuses the call (403, as before). A phone that asks for none shows the employee's chosen caller ID when it
 * may call out, else the account's first number that may (in E.164 order); a call that goes out without either is
 * refused. A call that stays in the account (an extension, another of its numbers) is never refused for its caller ID:
 * with no number to show it shows the caller's extension.
 */
public final class CallerIdChoice {
    private final RoutingTable table;

    public CallerIdChoice(RoutingTable table) {
        this.table = table;
    }

    /** The caller ID a call shows, or the refusal. */
    public sealed interface Choice {
        /** {@code number} null: the call stays inside the account and shows the caller's extension. */
        record Shown(RouteEntry number) implements Choice {
        }

        record Refused(String reason) implements Choice {
        }
    }

    /**
     * @param asked the E.164 number the phone asked for, null when it asked for none
     * @param goesOut whether the call leaves the account (a number outside vpbx or another account's)
     */
    public Choice choose(String accountId, String employeeId, String asked, boolean goesOut) {
        if (asked != null) {
            Optional<RouteEntry> number = table.number(asked).filter(entry -> entry.accountId().equals(accountId));
            if (number.isPresent() && number.get().outbound()) {
                return new Choice.Shown(number.get());
            }
            if (goesOut) {
                return new Choice.Refused(number.isEmpty() ? "caller ID is not a number of this account"
                        : "caller ID may not call out: " + number.get().reason());
            }
        }
        Optional<RouteEntry> chosen = table.employee(employeeId).map(EmployeeEntry::callerId).flatMap(table::number)
                .filter(entry -> entry.accountId().equals(accountId) && entry.outbound());
        Optional<RouteEntry> shown = chosen.isPresent() ? chosen : table.firstOutboundNumber(accountId);
        if (shown.isPresent() || !goesOut) {
            return new Choice.Shown(shown.orElse(null));
        }
        return new Choice.Refused("no number of this account may call out");
    }
}
