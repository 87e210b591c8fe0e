package io.vpbx.sip.routing;

/** What a string an employee's phone dialled means in its account's dial plan ({@link DialPlan#interpret}). */
public sealed interface Dialed {

    /** A colleague's or a department's extension: {@code owner} is a {@link Target.Employee} or {@link Target.Department}. */
    record Extension(String extension, Target owner) implements Dialed {
    }

    /** A service code of the caller's account ({@code *12}): vpbx answers and runs that scenario. */
    record ServiceCode(String code, Target.Scenario scenario) implements Dialed {
    }

    /** Another number of the caller's own account: rung by its own rules, nothing goes out, no caller ID check. */
    record OwnNumber(RouteEntry entry) implements Dialed {
    }

    /** A number on vpbx of another account: rung by its own rules, with one of the caller's numbers as caller ID. */
    record PlatformNumber(RouteEntry entry) implements Dialed {
    }

    /** A number outside vpbx (E.164), out through a trunk under the account's destination rules. */
    record External(String e164) implements Dialed {
    }

    /** Nothing to call: the final response the phone gets. */
    record Refused(int sipCode, String reason) implements Dialed {
    }
}
