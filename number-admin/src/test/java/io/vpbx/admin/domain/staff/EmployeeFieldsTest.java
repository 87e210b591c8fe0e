package io.vpbx.admin.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpbx.admin.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class EmployeeFieldsTest {

    private static void refused(String field, Runnable read) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, read::run);
        assertEquals(field, e.field());
    }

    @Test
    void nameIsTrimmedAndHoldsOneToTwoHundredCharacters() {
        assertEquals("Anna Petrova", EmployeeFields.name("name", "  Anna Petrova "));
        assertEquals("x".repeat(200), EmployeeFields.name("name", "x".repeat(200)));
        refused("name", () -> EmployeeFields.name("name", "x".repeat(201)));
        refused("name", () -> EmployeeFields.name("name", "   "));
        refused("name", () -> EmployeeFields.name("name", null));
    }

    @Test
    void extensionIsTwoToSixDigits() {
        assertEquals("10", EmployeeFields.extension("extension", "10"));
        assertEquals("123456", EmployeeFields.extension("extension", "123456"));
        refused("extension", () -> EmployeeFields.extension("extension", "1"));
        refused("extension", () -> EmployeeFields.extension("extension", "1234567"));
        refused("extension", () -> EmployeeFields.extension("extension", "12a"));
        refused("extension", () -> EmployeeFields.extension("extension", "+123"));
        refused("extension", () -> EmployeeFields.extension("extension", null));
    }

    @Test
    void sipUsernameIsThreeToSixtyFourSafeCharacters() {
        assertEquals("anna.petrova_2-x", EmployeeFields.sipUsername("sip_username", "anna.petrova_2-x"));
        assertEquals("abc", EmployeeFields.sipUsername("sip_username", "abc"));
        assertEquals("a".repeat(64), EmployeeFields.sipUsername("sip_username", "a".repeat(64)));
        refused("sip_username", () -> EmployeeFields.sipUsername("sip_username", "ab"));
        refused("sip_username", () -> EmployeeFields.sipUsername("sip_username", "a".repeat(65)));
        refused("sip_username", () -> EmployeeFields.sipUsername("sip_username", "anna@pbx"));
        refused("sip_username", () -> EmployeeFields.sipUsername("sip_username", "anna petrova"));
        refused("sip_username", () -> EmployeeFields.sipUsername("sip_username", "анна"));
        refused("sip_username", () -> EmployeeFields.sipUsername("sip_username", null));
    }

    @Test
    void sipPasswordIsTenToOneHundredTwentyEightCharactersAndNeverEchoed() {
        assertEquals("0123456789", EmployeeFields.sipPassword("sip_password", "0123456789"));
        assertEquals("p".repeat(128), EmployeeFields.sipPassword("sip_password", "p".repeat(128)));
        refused("sip_password", () -> EmployeeFields.sipPassword("sip_password", "p".repeat(129)));
        refused("sip_password", () -> EmployeeFields.sipPassword("sip_password", null));
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> EmployeeFields.sipPassword("sip_password", "secret123"));
        assertFalse(e.getMessage().contains("secret123"));
    }
}
