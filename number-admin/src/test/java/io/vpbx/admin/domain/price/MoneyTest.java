package io.vpbx.admin.domain.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTwoDecimalPlaces() {
        assertEquals(new BigDecimal("500.00"), Money.of("500", "RUB").amount());
        assertEquals(Money.of("500.5", "RUB"), Money.of("500.50", "RUB"));
        assertEquals("300000.00 RUB", Money.of("300000", "RUB").toString());
    }

    @Test
    void refusesWhatIsNotMoney() {
        assertEquals("an amount must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> Money.of("-1", "RUB")).getMessage());
        assertEquals("an amount has at most 2 decimal places, got 1.005",
                assertThrows(IllegalArgumentException.class, () -> Money.of("1.005", "RUB")).getMessage());
        assertEquals("'5OO' is not an amount like 500 or 500.50",
                assertThrows(IllegalArgumentException.class, () -> Money.of("5OO", "RUB")).getMessage());
        assertEquals("a currency is a 3-letter upper-case ISO 4217 code, got 'rub'",
                assertThrows(IllegalArgumentException.class, () -> Money.of("1", "rub")).getMessage());
        assertEquals("'XYZ' is not an ISO 4217 currency",
                assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XYZ")).getMessage());
    }

    @Test
    void aPriceHasOneCurrency() {
        assertThrows(IllegalArgumentException.class, () -> new Price(Money.of("0", "RUB"), Money.of("50", "CNY")));
        assertEquals("RUB", new Price(Money.of("0", "RUB"), Money.of("500", "RUB")).currency());
    }
}
