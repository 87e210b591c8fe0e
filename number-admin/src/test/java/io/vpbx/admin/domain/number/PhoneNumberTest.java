package io.vpbx.admin.domain.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void numbersAreEqualByE164WhateverWasTyped() {
        PhoneNumber typed = PhoneNumber.of("8 (495) 123-45-67");
        PhoneNumber international = PhoneNumber.of("+74951234567");
        assertEquals(typed, international);
        assertEquals(typed.hashCode(), international.hashCode());
        assertNotEquals(typed.asTyped(), international.asTyped());
        assertEquals(1, Set.of(typed).size());
        assertNotEquals(typed, PhoneNumber.of("+74951234568"));
    }

    @Test
    void refusesInconsistentComponents() {
        assertThrows(IllegalArgumentException.class,
                () -> new PhoneNumber("+864951234567", "x", Country.RU, NumberType.CITY, "495"));
        assertThrows(IllegalArgumentException.class,
                () -> new PhoneNumber("+74951234567", "x", Country.RU, NumberType.CITY, "812"));
        assertThrows(IllegalArgumentException.class,
                () -> new PhoneNumber("74951234567", "x", Country.RU, NumberType.CITY, "495"));
    }

    @Test
    void numberTypesHaveWireNames() {
        assertEquals("toll_free", NumberType.TOLL_FREE.wireName());
        assertEquals(NumberType.TOLL_FREE, NumberType.fromWire("toll_free"));
        assertEquals(NumberType.MOBILE, NumberType.fromWire("Mobile"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumberType.fromWire("fax"));
        assertEquals("unknown number type 'fax', expected one of city, mobile, toll_free", e.getMessage());
    }

    @Test
    void countriesKnowTheirCallingCodes() {
        assertEquals("7", Country.RU.callingCode());
        assertEquals("86", Country.CN.callingCode());
    }
}
