package io.vpbx.admin.domain.identity;

import io.vpbx.admin.domain.InvalidFieldException;

/**
 * The International Mobile Equipment Identity that binds a number to M2M equipment instead of a
 * person: 15 digits (8-digit type allocation code, 6-digit serial, Luhn check digit). Spaces and
 * hyphens are dropped; the 14-digit form without its check digit is not accepted.
 */
public final class Imei {

    static final int LENGTH = 15;
    private static final int MAX_TYPED_LENGTH = 32;

    private Imei() {
    }

    /** The IMEI as 15 digits, or an {@link InvalidFieldException} on {@code field} that does not quote it. */
    public static String of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() > MAX_TYPED_LENGTH) {
            throw new InvalidFieldException(field, "must be 15 digits");
        }
        String digits = value.strip().replace(" ", "").replace("-", "");
        if (digits.length() != LENGTH || !Luhn.isDigits(digits)) {
            throw new InvalidFieldException(field, "must be 15 digits");
        }
        if (!Luhn.valid(digits)) {
            throw new InvalidFieldException(field, "check digit does not match");
        }
        return digits;
    }
}
