package io.vpbx.sip.uas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Extensions are per account, follow an employee's change and leave with the employee. */
class EmployeeExtensionsTest {
    private final EmployeeExtensions extensions = new EmployeeExtensions();

    @Test
    void anExtensionNamesTheEmployeeOfThatAccountOnly() {
        extensions.put("e-1", "acme", "102");
        extensions.put("e-2", "other", "102");

        assertEquals(Optional.of("e-1"), extensions.employee("acme", "102"));
        assertEquals(Optional.of("e-2"), extensions.employee("other", "102"));
        assertEquals(Optional.empty(), extensions.employee("acme", "103"));
    }

    @Test
    void aNewExtensionReplacesTheOldAndRemovalForgetsIt() {
        extensions.put("e-1", "acme", "102");
        extensions.put("e-1", "acme", "105");
        assertEquals(Optional.empty(), extensions.employee("acme", "102"));
        assertEquals(Optional.of("e-1"), extensions.employee("acme", "105"));

        extensions.put("e-2", "acme", "102");
        extensions.remove("e-1");
        assertEquals(Optional.empty(), extensions.employee("acme", "105"));
        assertEquals(Optional.of("e-2"), extensions.employee("acme", "102"));

        extensions.put("e-2", "acme", null);
        assertEquals(Optional.empty(), extensions.employee("acme", "102"));
    }
}
