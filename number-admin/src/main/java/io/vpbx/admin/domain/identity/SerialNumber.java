package io.vpbx.admin.domain.identity;

import io.vpbx.admin.domain.InvalidFieldException;
import java.util.regex.Pattern;

/**
 * A manufacturer's serial number of M2M equipment that has no IMEI: 1 to 64 of the letters A-Z and
 * a-z, digits and {@code - _ . /}, kept as typed apart from surrounding whitespace.
 */
public final class SerialNumber {

    static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_./-]+");

    private SerialNumber() {
    }

    /** The serial number, or an {@link InvalidFieldException} on {@code field} that does not quote it. */
    public static String of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        String serial = value.strip();
        if (serial.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(serial).matches()) {
            throw new InvalidFieldException(field, "may use only letters A-Z and a-z, digits and - _ . /");
        }
        return serial;
    }
}
