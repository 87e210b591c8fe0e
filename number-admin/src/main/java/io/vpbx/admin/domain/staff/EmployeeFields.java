package io.vpbx.admin.domain.staff;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;

/**
 * The rules for an employee's fields as they arrive in a request, each naming the field when broken.
 * Departments share {@link #name} and {@link #extension}: both live in one dial plan per account.
 */
public final class EmployeeFields {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MIN_EXTENSION_DIGITS = 2;
    public static final int MAX_EXTENSION_DIGITS = 6;
    public static final int MIN_USERNAME_LENGTH = 3;
    public static final int MAX_USERNAME_LENGTH = 64;
    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 128;

    private EmployeeFields() {
    }

    /** 1..200 characters after trimming, as {@link FreeText} allows them. */
    public static String name(String field, String value) {
        return FreeText.required(field, value, MAX_NAME_LENGTH);
    }

    /** 2..6 digits: what a caller inside the account dials. */
    public static String extension(String field, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.length() < MIN_EXTENSION_DIGITS || trimmed.length() > MAX_EXTENSION_DIGITS
                || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidFieldException(field, "must be " + MIN_EXTENSION_DIGITS + ".." + MAX_EXTENSION_DIGITS
                    + " digits, got '" + (value == null ? "" : value) + "'");
        }
        return trimmed;
    }

    /** 3..64 of letters, digits, '.', '_' and '-': safe in a SIP URI's user part and a digest username. */
    public static String sipUsername(String field, String value) {
        if (value == null || value.length() < MIN_USERNAME_LENGTH || value.length() > MAX_USERNAME_LENGTH
                || !value.chars().allMatch(EmployeeFields::usernameChar)) {
            throw new InvalidFieldException(field, "must be " + MIN_USERNAME_LENGTH + ".." + MAX_USERNAME_LENGTH
                    + " characters of a-z, A-Z, 0-9, '.', '_', '-'");
        }
        return value;
    }

    /** 10..128 characters, taken as given; the message never repeats the value. */
    public static String sipPassword(String field, String value) {
        if (value == null || value.length() < MIN_PASSWORD_LENGTH || value.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidFieldException(field, "must be " + MIN_PASSWORD_LENGTH + ".." + MAX_PASSWORD_LENGTH
                    + " characters");
        }
        return value;
    }

    private static boolean usernameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }
}
