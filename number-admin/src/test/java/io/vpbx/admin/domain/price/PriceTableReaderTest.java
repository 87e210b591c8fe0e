package io.vpbx.admin.domain.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import java.io.StringReader;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PriceTableReaderTest {

    private static final String HEADER = "country,type,region,category,connection_fee,monthly_fee,currency\n";
    private static final String GOOD = "# plain city numbers\n"
            + HEADER
            + "RU,city,*,regular,0,500,RUB\n"
            + "\n"
            + "# Moscow costs more\n"
            + "RU, city, 495, regular, 1000.00, 800.5, RUB\n";

    private final PriceTableReader reader = new PriceTableReader();

    @Test
    void readsRowsSkippingCommentsAndBlankLines() {
        PriceTable table = reader.read(new StringReader(GOOD), "test.csv");
        assertEquals(2, table.rules().size());
        assertEquals(Money.of("800.50", "RUB"),
                table.priceOf(Country.RU, NumberType.CITY, "495", NumberCategory.REGULAR).monthlyFee());
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("", 1, null, "the header " + HEADER.strip() + " is missing"),
                Arguments.of("country,type,region\n", 1, null, "expected the header"),
                Arguments.of(GOOD + "RU,city,*,gold,30000,5OO,RUB\n", 7, "monthly_fee", "'5OO' is not an amount"),
                Arguments.of(GOOD + "RU,city,*,gold,-5,500,RUB\n", 7, "connection_fee", "an amount must not be negative"),
                Arguments.of(GOOD + "RU,fax,*,gold,0,500,RUB\n", 7, "type", "unknown number type 'fax'"),
                Arguments.of(GOOD + "US,city,*,gold,0,500,RUB\n", 7, "country", "unknown country 'US'"),
                Arguments.of(GOOD + "RU,city,4x5,gold,0,500,RUB\n", 7, "region", "a region prefix is '*' or"),
                Arguments.of(GOOD + "RU,city,*,golden,0,500,RUB\n", 7, "category", "unknown category 'golden'"),
                Arguments.of(GOOD + "RU,city,*,gold,0,500,rub\n", 7, "currency", "a currency is a 3-letter"),
                Arguments.of(GOOD + "RU,city,*,gold,0,500\n", 7, "currency", "expected 7 columns, got 6"),
                Arguments.of(GOOD + "RU,city,,gold,0,500,RUB\n", 7, "region", "is empty"),
                Arguments.of(GOOD + "RU,mobile,*,gold,0,500,CNY\n", 7, "currency", "RU prices are in RUB, got CNY"),
                Arguments.of(GOOD + "# again\nRU,city,495,regular,1,2,RUB\n", 8, null,
                        "a second price for RU city 495 regular (first on line 6)"));
    }

    @ParameterizedTest(name = "line {1} {2}: {3}")
    @MethodSource("broken")
    void errorsNameTheLineAndColumn(String csv, int line, String column, String problem) {
        PriceTableFormatException e = assertThrows(PriceTableFormatException.class,
                () -> reader.read(new StringReader(csv), "test.csv"));
        assertEquals(line, e.line());
        assertEquals(Optional.ofNullable(column), e.column());
        String where = "test.csv line " + line + (column == null ? "" : ", column " + column) + ": ";
        assertEquals(true, e.getMessage().startsWith(where + problem), () -> "message was: " + e.getMessage());
    }

    @Test
    void theBundledTableHasAStarPriceForEveryCountryTypeAndCategory() {
        PriceTable table = PriceTable.bundled();
        for (Country country : Country.values()) {
            for (NumberType type : NumberType.values()) {
                for (NumberCategory category : NumberCategory.values()) {
                    Price price = table.priceOf(country, type, "000", category);
                    assertEquals(country == Country.RU ? "RUB" : "CNY", price.currency());
                }
            }
        }
    }

    @Test
    void theBundledTablePricesMoscowAndTollFreeOnTheirOwn() {
        PriceTable table = PriceTable.bundled();
        Price plain = table.priceOf(Country.RU, NumberType.CITY, "343", NumberCategory.REGULAR);
        assertEquals(new Price(Money.of("0", "RUB"), Money.of("500", "RUB")), plain);
        assertEquals(Money.of("300000", "RUB"),
                table.priceOf(Country.RU, NumberType.CITY, "343", NumberCategory.DIAMOND).connectionFee());
        Price moscow = table.priceOf(Country.RU, NumberType.CITY, "495", NumberCategory.REGULAR);
        assertEquals(1, moscow.monthlyFee().amount().compareTo(plain.monthlyFee().amount()));
        assertNotEquals(plain, table.priceOf(Country.RU, NumberType.TOLL_FREE, "800", NumberCategory.REGULAR));
    }
}
