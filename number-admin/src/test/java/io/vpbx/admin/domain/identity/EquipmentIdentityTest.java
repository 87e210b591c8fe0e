package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpbx.admin.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IMEIs and serial numbers, the identities of M2M equipment. */
class EquipmentIdentityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "490154203237518    | 490154203237518",
            "49-015420-323751-8 | 490154203237518",
            "' 35 209900 176148 1 ' | 352099001761481"})
    void acceptsImeis(String typed, String imei) {
        assertEquals(imei, Imei.of("device.imei", typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "490154203237519  | check digit does not match",
            "49015420323751   | must be 15 digits",
            "4901542032375180 | must be 15 digits",
            "49015420323751A  | must be 15 digits",
            "NULL             | is required",
            "'  '             | is required"})
    void refusesImeisWithoutQuotingThem(String typed, String reason) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Imei.of("device.imei", typed));
        assertEquals("device.imei", e.field());
        assertEquals(reason, e.reason());
        if (typed != null && !typed.isBlank()) {
            assertFalse(e.getMessage().contains(typed.strip()), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"SN-2024/A.001_x", "a", "' X1 '"})
    void acceptsSerialNumbers(String typed) {
        assertEquals(typed.strip(), SerialNumber.of("device.serial", typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "SN 0001 | may use only letters A-Z and a-z, digits and - _ . /",
            "SN#0001 | may use only letters A-Z and a-z, digits and - _ . /",
            "NULL    | is required",
            "''      | is required"})
    void refusesSerialNumbers(String typed, String reason) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> SerialNumber.of("device.serial", typed));
        assertEquals("device.serial", e.field());
        assertEquals(reason, e.reason());
    }

    @Test
    void serialNumbersAreAtMost64Characters() {
        assertEquals(64, SerialNumber.of("device.serial", "S".repeat(64)).length());
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> SerialNumber.of("device.serial", "S".repeat(65)));
        assertEquals("must be at most 64 characters", e.reason());
    }
}
