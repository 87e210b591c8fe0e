package io.vpbx.admin.domain.price;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import java.util.Objects;

/**
 * The price of numbers of one country, type and category whose region starts with
 * {@code regionPrefix} ("495", "8", or {@link #ANY_REGION} for any region).
 */
public record PriceRule(Country country, NumberType type, String regionPrefix, NumberCategory category, Price price) {

    public static final String ANY_REGION = "*";
    /** Longest region prefix accepted; regions are at most 3 digits today. */
    public static final int MAX_PREFIX_DIGITS = 8;

    public PriceRule {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(price, "price");
        if (!isRegionPrefix(regionPrefix)) {
            throw new IllegalArgumentException("a region prefix is '*' or 1-" + MAX_PREFIX_DIGITS
                    + " digits, got '" + regionPrefix + "'");
        }
    }

    public boolean anyRegion() {
        return ANY_REGION.equals(regionPrefix);
    }

    /** Whether this rule prices numbers of {@code region}. */
    public boolean covers(String region) {
        return anyRegion() || region.startsWith(regionPrefix);
    }

    /** Longer prefixes are more specific; "*" is the least specific of all. */
    int specificity() {
        return anyRegion() ? 0 : regionPrefix.length();
    }

    private static boolean isRegionPrefix(String prefix) {
        if (ANY_REGION.equals(prefix)) {
            return true;
        }
        if (prefix == null || prefix.isEmpty() || prefix.length() > MAX_PREFIX_DIGITS) {
            return false;
        }
        return prefix.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
