package io.vpbx.sip.routing;

import java.util.List;

/** Where an employee's phones are registered now (the registrar's in-memory location service). */
@FunctionalInterface
public interface Location {
    List<String> contactsOf(String employeeId);
}
