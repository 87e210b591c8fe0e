package io.vpbx.admin.domain.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import io.vpbx.admin.domain.number.PhoneNumber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private static PriceRule rule(String region, NumberCategory category, String connection, String monthly) {
        return new PriceRule(Country.RU, NumberType.CITY, region, category,
                new Price(Money.of(connection, "RUB"), Money.of(monthly, "RUB")));
    }

    private static final List<PriceRule> RULES = List.of(
            rule("*", NumberCategory.REGULAR, "0", "500"),
            rule("4", NumberCategory.REGULAR, "100", "550"),
            rule("495", NumberCategory.REGULAR, "1000", "800"),
            rule("49", NumberCategory.REGULAR, "200", "600"),
            rule("*", NumberCategory.GOLD, "30000", "1200"));

    private final PriceTable table = new PriceTable(RULES);

    @Test
    void theLongestRegionPrefixWins() {
        assertEquals(Money.of("800", "RUB"), table.priceOf(Country.RU, NumberType.CITY, "495", NumberCategory.REGULAR).monthlyFee());
        assertEquals(Money.of("600", "RUB"), table.priceOf(Country.RU, NumberType.CITY, "499", NumberCategory.REGULAR).monthlyFee());
        assertEquals(Money.of("550", "RUB"), table.priceOf(Country.RU, NumberType.CITY, "423", NumberCategory.REGULAR).monthlyFee());
        assertEquals(Money.of("500", "RUB"), table.priceOf(Country.RU, NumberType.CITY, "812", NumberCategory.REGULAR).monthlyFee());
        assertEquals(Money.of("30000", "RUB"),
                table.priceOf(PhoneNumber.of("+74957777777"), NumberCategory.GOLD).connectionFee(), "495 gold falls back to *");
    }

    @Test
    void aMissingPriceNamesWhatWasAskedFor() {
        NoPriceException e = assertThrows(NoPriceException.class,
                () -> table.priceOf(Country.RU, NumberType.MOBILE, "916", NumberCategory.SILVER));
        assertEquals("no price for RU mobile numbers in region 916, category silver", e.getMessage());
        assertEquals(NumberType.MOBILE, e.type());
        assertEquals("916", e.region());
    }

    @Test
    void rulesComeInCanonicalOrder() {
        assertEquals(List.of("*", "*", "4", "49", "495"),
                table.rules().stream().map(PriceRule::regionPrefix).toList());
    }

    @Test
    void theFingerprintFollowsThePricesNotTheOrder() {
        List<PriceRule> reversed = new ArrayList<>(RULES);
        Collections.reverse(reversed);
        assertEquals(table.fingerprint(), new PriceTable(reversed).fingerprint());
        assertEquals(64, table.fingerprint().length());

        List<PriceRule> dearer = new ArrayList<>(RULES);
        dearer.set(2, rule("495", NumberCategory.REGULAR, "1000", "801"));
        assertNotEquals(table.fingerprint(), new PriceTable(dearer).fingerprint());
    }

    @Test
    void refusesTwoPricesForTheSameNumbers() {
        List<PriceRule> twice = new ArrayList<>(RULES);
        twice.add(rule("495", NumberCategory.REGULAR, "1", "2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PriceTable(twice));
        assertTrue(e.getMessage().startsWith("two prices for RU,CITY,495,REGULAR"), e.getMessage());
    }

    @Test
    void refusesTwoCurrenciesInOneCountry() {
        List<PriceRule> mixed = new ArrayList<>(RULES);
        mixed.add(new PriceRule(Country.RU, NumberType.MOBILE, "*", NumberCategory.REGULAR,
                new Price(Money.of("0", "USD"), Money.of("5", "USD"))));
        assertThrows(IllegalArgumentException.class, () -> new PriceTable(mixed));
    }

    @Test
    void regionPrefixesAreDigitsOrStar() {
        assertThrows(IllegalArgumentException.class, () -> rule("49x", NumberCategory.REGULAR, "0", "1"));
        assertThrows(IllegalArgumentException.class, () -> rule("", NumberCategory.REGULAR, "0", "1"));
    }
}
