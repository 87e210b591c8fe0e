package io.vpbx.admin.domain.price;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import io.vpbx.admin.domain.number.PhoneNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Prices by country, number type, region and category. Immutable: to change prices, build a new
 * table and swap it in whole. Among the rules that cover a number, the longest region prefix wins
 * and "*" is the fallback. Every country's prices share one currency, and no two rules have the
 * same country, type, region prefix and category.
 */
public final class PriceTable {

    private static final String BUNDLED = "/catalog/price-table.csv";
    private static final int TYPES = NumberType.values().length;
    private static final int CATEGORIES = NumberCategory.values().length;
    private static final Comparator<PriceRule> CANONICAL = Comparator
            .comparing(PriceRule::country)
            .thenComparing(PriceRule::type)
            .thenComparing(PriceRule::specificity)
            .thenComparing(PriceRule::regionPrefix)
            .thenComparing(PriceRule::category);

    private final List<PriceRule> rules;
    /** Per (country, type, category), the covering candidates from most to least specific. */
    private final List<List<PriceRule>> candidates;
    private final String fingerprint;

    public PriceTable(List<PriceRule> rules) {
        List<PriceRule> sorted = new ArrayList<>(rules);
        sorted.sort(CANONICAL);
        this.rules = List.copyOf(sorted);
        validate(this.rules);
        this.candidates = index(this.rules);
        this.fingerprint = sha256(this.rules);
    }

    /** The table shipped in {@code catalog/price-table.csv}. */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled price table " + BUNDLED + " is missing");
            }
            return new PriceTableReader().read(in, "price-table.csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    public Price priceOf(Country country, NumberType type, String region, NumberCategory category) {
        for (PriceRule rule : candidates.get(slot(country, type, category))) {
            if (rule.covers(region)) {
                return rule.price();
            }
        }
        throw new NoPriceException(country, type, region, category);
    }

    public Price priceOf(PhoneNumber number, NumberCategory category) {
        return priceOf(number.country(), number.type(), number.region(), category);
    }

    /** All rules in canonical order: country, type, "*" before prefixes, prefix, category. */
    public List<PriceRule> rules() {
        return rules;
    }

    /** SHA-256 (lower-case hex) of the canonical rules; equal tables have equal fingerprints. */
    public String fingerprint() {
        return fingerprint;
    }

    /** One rule per line in CSV column order, as hashed by {@link #fingerprint()}. */
    static String canonicalLine(PriceRule rule) {
        return rule.country() + "," + rule.type().wireName() + "," + rule.regionPrefix() + ","
                + rule.category().wireName() + "," + rule.price().connectionFee().amount().toPlainString() + ","
                + rule.price().monthlyFee().amount().toPlainString() + "," + rule.price().currency();
    }

    private static void validate(List<PriceRule> rules) {
        Map<Country, String> currencies = new EnumMap<>(Country.class);
        Map<String, PriceRule> keys = new HashMap<>();
        for (PriceRule rule : rules) {
            String currency = currencies.putIfAbsent(rule.country(), rule.price().currency());
            if (currency != null && !currency.equals(rule.price().currency())) {
                throw new IllegalArgumentException(rule.country() + " prices are in " + currency + ", got "
                        + rule.price().currency() + " in " + canonicalLine(rule));
            }
            String key = rule.country() + "," + rule.type() + "," + rule.regionPrefix() + "," + rule.category();
            if (keys.putIfAbsent(key, rule) != null) {
                throw new IllegalArgumentException("two prices for " + key + ": " + canonicalLine(keys.get(key))
                        + " and " + canonicalLine(rule));
            }
        }
    }

    private static List<List<PriceRule>> index(List<PriceRule> rules) {
        int slots = Country.values().length * TYPES * CATEGORIES;
        List<List<PriceRule>> index = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            index.add(new ArrayList<>());
        }
        for (PriceRule rule : rules) {
            index.get(slot(rule.country(), rule.type(), rule.category())).add(rule);
        }
        List<List<PriceRule>> frozen = new ArrayList<>(slots);
        for (List<PriceRule> slot : index) {
            slot.sort(Comparator.comparingInt(PriceRule::specificity).reversed());
            frozen.add(List.copyOf(slot));
        }
        return List.copyOf(frozen);
    }

    private static int slot(Country country, NumberType type, NumberCategory category) {
        return (country.ordinal() * TYPES + type.ordinal()) * CATEGORIES + category.ordinal();
    }

    private static String sha256(List<PriceRule> rules) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (PriceRule rule : rules) {
                digest.update((canonicalLine(rule) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
