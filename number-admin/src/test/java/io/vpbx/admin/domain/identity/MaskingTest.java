package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4508123456         | ******3456",
            "11010519491231002X | **************002X",
            "12345              | *2345",
            "1234               | ***4",
            "12                 | *2",
            "7                  | *",
            "''                 | ''"})
    void showsOnlyTheTail(String value, String masked) {
        assertEquals(masked, Masking.lastFour(value));
    }
}
