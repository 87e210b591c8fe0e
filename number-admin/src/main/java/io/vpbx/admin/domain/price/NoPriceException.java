package io.vpbx.admin.domain.price;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;

/** The price table has no rule for a number: the table is incomplete, not the number wrong. */
public final class NoPriceException extends RuntimeException {

    private final Country country;
    private final NumberType type;
    private final String region;
    private final NumberCategory category;

    public NoPriceException(Country country, NumberType type, String region, NumberCategory category) {
        super("no price for " + country + " " + type.wireName() + " numbers in region " + region
                + ", category " + category.wireName());
        this.country = country;
        this.type = type;
        this.region = region;
        this.category = category;
    }

    public Country country() {
        return country;
    }

    public NumberType type() {
        return type;
    }

    public String region() {
        return region;
    }

    public NumberCategory category() {
        return category;
    }
}
