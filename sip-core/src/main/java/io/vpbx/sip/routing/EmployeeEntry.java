package io.vpbx.sip.routing;

/**
 * An employee as the call path needs them: their account, the extension colleagues dial and the name their internal
 * calls show, the external mobile their calls also ring (null when none) and the number they chose to show when
 * calling out (null when they chose none: the account's first number that may call out is shown).
 */
public record EmployeeEntry(String employeeId, String accountId, String name, String extension, String mobile,
                            String callerId) {
}
