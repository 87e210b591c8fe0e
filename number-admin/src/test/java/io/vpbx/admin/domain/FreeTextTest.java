package io.vpbx.admin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FreeTextTest {

    @Test
    void ordinaryTextInAnyScriptPassesTrimmed() {
        assertEquals("Anna Petrova", FreeText.required("name", "  Anna Petrova ", 200));
        assertEquals("\u0410\u043d\u043d\u0430 \u041f\u0435\u0442\u0440\u043e\u0432\u0430 \uD83D\uDCDE",
                FreeText.required("name", "\u0410\u043d\u043d\u0430 \u041f\u0435\u0442\u0440\u043e\u0432\u0430 \uD83D\uDCDE", 200));
        assertEquals("\u0645\u0631\u062d\u0628\u0627", FreeText.required("name", "\u0645\u0631\u062d\u0628\u0627", 200));
        assertNull(FreeText.optional("comment", "   ", 10));
        assertNull(FreeText.optional("comment", null, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: yes", "a\nb", "a\rb", "a\u0000", "trailing\r\n", "\u0000", "a\tb", "a\u0007",
            "a\u007f", "a\u0085b", "a\u2028b", "a\u2029b", "a\u202Eb", "a\u2066b", "lone \uD800", "lone \uDC00 low"})
    void breakingAndInvisibleCharactersAreRefusedNamingTheField(String text) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> FreeText.required("set.comment", text, 200));
        assertEquals("set.comment", e.field());
        assertTrue(e.reason().startsWith("must not contain"), e.reason());
        assertThrows(InvalidFieldException.class, () -> FreeText.optional("comment", text, 200));
    }

    @Test
    void lengthIsCheckedAfterTrimming() {
        assertEquals("name", assertThrows(InvalidFieldException.class, () -> FreeText.required("name", " ", 5)).field());
        assertEquals("name", assertThrows(InvalidFieldException.class, () -> FreeText.required("name", "123456", 5)).field());
        assertEquals("12345", FreeText.required("name", " 12345 ", 5));
    }
}
