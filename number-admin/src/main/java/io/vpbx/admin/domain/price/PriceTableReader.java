package io.vpbx.admin.domain.price;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a price table from CSV (UTF-8). The first non-comment line is the header
 * {@value #HEADER}; lines starting with '#' and blank lines are skipped; cells are plain (no
 * quoting) and trimmed. Every error is a {@link PriceTableFormatException} naming the line and
 * column: bad values, a second price for the same country/type/region/category, a country priced
 * in two currencies.
 */
public final class PriceTableReader {

    static final String HEADER = "country,type,region,category,connection_fee,monthly_fee,currency";
    private static final String[] COLUMNS = HEADER.split(",");
    /** Bounds the table: far more rows than any price list needs. */
    static final int MAX_ROWS = 10_000;

    public PriceTable read(InputStream in, String source) {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    public PriceTable read(Reader reader, String source) {
        List<PriceRule> rules = new ArrayList<>();
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        Map<Country, String> currencies = new EnumMap<>(Country.class);
        boolean header = false;
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(reader)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!trimmed.replace(" ", "").equalsIgnoreCase(HEADER)) {
                        throw new PriceTableFormatException(source, lineNumber, null,
                                "expected the header " + HEADER + ", got " + trimmed, null);
                    }
                    header = true;
                    continue;
                }
                if (rules.size() == MAX_ROWS) {
                    throw new PriceTableFormatException(source, lineNumber, null,
                            "more than " + MAX_ROWS + " price rows", null);
                }
                PriceRule rule = row(source, lineNumber, trimmed);
                checkCurrency(source, lineNumber, rule, currencies);
                String key = rule.country() + " " + rule.type().wireName() + " " + rule.regionPrefix() + " "
                        + rule.category().wireName();
                Integer earlier = firstLineOfKey.putIfAbsent(key, lineNumber);
                if (earlier != null) {
                    throw new PriceTableFormatException(source, lineNumber, null,
                            "a second price for " + key + " (first on line " + earlier + ")", null);
                }
                rules.add(rule);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (!header) {
            throw new PriceTableFormatException(source, Math.max(lineNumber, 1), null,
                    "the header " + HEADER + " is missing", null);
        }
        return new PriceTable(rules);
    }

    private static PriceRule row(String source, int line, String text) {
        String[] cells = text.split(",", -1);
        if (cells.length != COLUMNS.length) {
            String column = cells.length < COLUMNS.length ? COLUMNS[cells.length] : null;
            throw new PriceTableFormatException(source, line, column,
                    "expected " + COLUMNS.length + " columns, got " + cells.length, null);
        }
        Country country = cell(source, line, cells, 0, PriceTableReader::country);
        NumberType type = cell(source, line, cells, 1, NumberType::fromWire);
        String region = cells[2].strip();
        NumberCategory category = cell(source, line, cells, 3, NumberCategory::fromWire);
        String currency = cell(source, line, cells, 6, code -> Money.of("0", code).currency());
        Money connection = cell(source, line, cells, 4, amount -> Money.of(amount, currency));
        Money monthly = cell(source, line, cells, 5, amount -> Money.of(amount, currency));
        // the other cells are valid by now, so PriceRule can only refuse the region prefix
        return cell(source, line, cells, 2, ignored -> new PriceRule(country, type, region, category,
                new Price(connection, monthly)));
    }

    /** Parses one cell; any IllegalArgumentException becomes an error naming the column. */
    private static <T> T cell(String source, int line, String[] cells, int index, Function<String, T> parse) {
        String value = cells[index].strip();
        if (value.isEmpty()) {
            throw new PriceTableFormatException(source, line, COLUMNS[index], "is empty", null);
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new PriceTableFormatException(source, line, COLUMNS[index], e.getMessage(), e);
        }
    }

    private static void checkCurrency(String source, int line, PriceRule rule, Map<Country, String> currencies) {
        String first = currencies.putIfAbsent(rule.country(), rule.price().currency());
        if (first != null && !first.equals(rule.price().currency())) {
            throw new PriceTableFormatException(source, line, "currency", rule.country() + " prices are in "
                    + first + ", got " + rule.price().currency(), null);
        }
    }

    private static Country country(String code) {
        for (Country country : Country.values()) {
            if (country.name().equalsIgnoreCase(code)) {
                return country;
            }
        }
        throw new IllegalArgumentException("unknown country '" + code + "', expected RU or CN");
    }
}
