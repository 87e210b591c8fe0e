package io.vpbx.admin.service;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import java.util.Arrays;
import java.util.Locale;

/** Reads the API's enumerated words (country, type, category), naming the field when one is wrong. */
public final class Wire {
    private Wire() {
    }

    public static Country country(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required (RU or CN)");
        }
        try {
            return Country.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + Arrays.toString(Country.values()) + ", got '" + value + "'");
        }
    }

    public static NumberType numberType(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required (city, mobile or toll_free)");
        }
        try {
            return NumberType.fromWire(value.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of city, mobile, toll_free; got '" + value + "'");
        }
    }

    public static NumberCategory category(String field, String value) {
        try {
            return NumberCategory.fromWire(value.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of regular, bronze, silver, gold, platinum, diamond; got '" + value + "'");
        }
    }

    /** Digits only, 1..15 of them: the digit filters of a search. */
    public static String digits(String field, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > 15 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidFieldException(field, "must be 1..15 digits, got '" + value + "'");
        }
        return trimmed;
    }

    /** Digits and '*' (any one digit), 1..15 of them. */
    public static String mask(String field, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > 15
                || !trimmed.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '*')) {
            throw new InvalidFieldException(field, "must be 1..15 digits or '*' (any one digit), got '" + value + "'");
        }
        return trimmed;
    }
}
