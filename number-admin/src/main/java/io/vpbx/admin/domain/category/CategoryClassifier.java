package io.vpbx.admin.domain.category;

import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.PhoneNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decides the beauty category of a number from its country's rule set. Immutable and thread-safe;
 * about a microsecond per number, allocating only when a rule matched. To change rules, build a new
 * classifier and swap it in whole.
 *
 * <p>Result: the highest category granted by a matching rule (REGULAR if none), lowered by the sum
 * of the matching penalties, never below REGULAR. Reasons list every counted rule, granting rules
 * and penalties alike; a number that matches nothing is REGULAR with an empty reason list.
 */
public final class CategoryClassifier {

    private static final String BUNDLED = "/catalog/categories-%s.json";

    private final Map<Country, CompiledRuleSet> byCountry;

    public CategoryClassifier(Map<Country, CategoryRuleSet> ruleSets) {
        Map<Country, CompiledRuleSet> compiled = new EnumMap<>(Country.class);
        ruleSets.forEach((country, set) -> {
            if (set.country() != country) {
                throw new IllegalArgumentException("rule set " + set.version() + " is for " + set.country()
                        + " but was given for " + country);
            }
            compiled.put(country, new CompiledRuleSet(set));
        });
        this.byCountry = compiled;
    }

    /** The rule sets shipped in {@code catalog/categories-RU.json} and {@code catalog/categories-CN.json}. */
    public static CategoryClassifier bundled() {
        CategoryRuleSetReader reader = new CategoryRuleSetReader();
        Map<Country, CategoryRuleSet> sets = new EnumMap<>(Country.class);
        for (Country country : Country.values()) {
            String resource = String.format(BUNDLED, country.name());
            try (InputStream in = CategoryClassifier.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled rule set " + resource + " is missing");
                }
                sets.put(country, reader.read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new CategoryClassifier(sets);
    }

    public Classification classify(PhoneNumber number) {
        return compiled(number.country()).classify(number.e164());
    }

    /** The version that {@link #classify} records for numbers of {@code country}. */
    public String ruleSetVersion(Country country) {
        return compiled(country).version();
    }

    private CompiledRuleSet compiled(Country country) {
        CompiledRuleSet set = byCountry.get(country);
        if (set == null) {
            throw new IllegalArgumentException("no category rule set for " + country);
        }
        return set;
    }
}
