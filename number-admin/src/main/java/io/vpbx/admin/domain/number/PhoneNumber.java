package io.vpbx.admin.domain.number;

import java.util.Objects;

/**
 * A number vpbx serves, normalised to E.164 at the edge by {@link PhoneNumberParser}.
 *
 * <p>{@code region} is, for RU, the 3-digit ABC/DEF code ("495", "916", "800"); for CN, the area
 * code without the trunk 0 ("10", "21", "755"), "400" for 400 numbers and the 3-digit prefix
 * ("138") for mobiles.
 *
 * <p><b>Identity:</b> two numbers are equal when their E.164 forms are equal. {@code asTyped} is
 * provenance (what the user typed), not identity, so "8 (495) 123-45-67" and "+74951234567" are
 * the same number; the other components are derived from {@code e164}.
 */
public record PhoneNumber(String e164, String asTyped, Country country, NumberType type, String region) {

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(asTyped, "asTyped");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        String code = country.callingCode();
        if (e164.length() < 2 + code.length() || e164.charAt(0) != '+' || !e164.startsWith(code, 1)) {
            throw new IllegalArgumentException(e164 + " is not an E.164 number of " + country);
        }
        if (region.isEmpty() || !e164.startsWith(region, 1 + code.length())) {
            throw new IllegalArgumentException("region " + region + " is not the start of " + e164);
        }
    }

    /** Parses any accepted input form; see {@link PhoneNumberParser#parse(String)}. */
    public static PhoneNumber of(String input) {
        return new PhoneNumberParser().parse(input);
    }

    /** The digits after the country code, e.g. "4951234567". */
    public String nationalNumber() {
        return e164.substring(1 + country.callingCode().length());
    }

    /** The E.164 digits without '+', e.g. "74951234567". */
    public String digits() {
        return e164.substring(1);
    }

    /** For humans abroad: "+7 495 123-45-67", "+86 10 1234 5678", "+86 400 123 4567". */
    public String international() {
        return PhoneNumberFormat.international(this);
    }

    /** For humans at home: "8 (495) 123-45-67", "010 1234 5678", "400-123-4567", "138 1234 5678". */
    public String national() {
        return PhoneNumberFormat.national(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber that && e164.equals(that.e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }
}
