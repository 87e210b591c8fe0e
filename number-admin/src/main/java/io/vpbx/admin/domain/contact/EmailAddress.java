package io.vpbx.admin.domain.contact;

import io.vpbx.admin.domain.InvalidFieldException;

/**
 * An email address on file, checked only as far as notices need: one {@code @}, something on each side,
 * a dot in the domain, no spaces, at most 254 characters. Whether it reaches anyone is the mail's business.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;

    /** The trimmed address, or 422 naming {@code field}. */
    public static EmailAddress of(String field, String text) {
        String trimmed = text == null ? "" : text.trim();
        int at = trimmed.indexOf('@');
        boolean valid = !trimmed.isEmpty() && trimmed.length() <= MAX_LENGTH && at > 0 && at == trimmed.lastIndexOf('@')
                && trimmed.indexOf('.', at) > at + 1 && !trimmed.endsWith(".")
                && trimmed.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        if (!valid) {
            throw new InvalidFieldException(field, "must be an email address such as ops@example.com, at most " + MAX_LENGTH
                    + " characters");
        }
        return new EmailAddress(trimmed);
    }
}
