package io.vpbx.admin.domain;

/**
 * The one rule for text people type into a field (names, comments, addresses, reasons, ids): no character that
 * breaks a line or a record where the text goes later (a SIP header, a CSV export, a log line, an audit entry)
 * and nothing invisible that changes how it reads. Refused, never stripped: CR, LF, NUL and every other control
 * character (Unicode Cc, TAB included), the line and paragraph separators U+2028 and U+2029, the bidirectional
 * overrides and isolates (U+202A..U+202E, U+2066..U+2069) and lone surrogates. Checked before any trimming, so
 * that a trailing CR LF is refused rather than quietly trimmed away.
 */
public final class FreeText {

    private FreeText() {
    }

    /** Required text: clean, then trimmed, then 1..{@code max} characters. */
    public static String required(String field, String value, int max) {
        String trimmed = value == null ? "" : clean(field, value).strip();
        if (trimmed.isEmpty() || trimmed.length() > max) {
            throw new InvalidFieldException(field, "must be 1.." + max + " characters");
        }
        return trimmed;
    }

    /** Required text as the compliance fields tell it: clean, then trimmed; "is required" when empty, else at most {@code max}. */
    public static String present(String field, String value, int max) {
        String trimmed = value == null ? "" : clean(field, value).strip();
        if (trimmed.isEmpty()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (trimmed.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    /** Optional text: null or blank is none (null); otherwise clean, trimmed, at most {@code max} characters. */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = clean(field, value).strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters, got " + trimmed.length());
        }
        return trimmed;
    }

    /** {@code value} itself when it holds no forbidden character; 422 naming the field and the character otherwise. */
    public static String clean(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (forbidden(c)) {
                throw new InvalidFieldException(field, "must not contain " + describe(c) + " (at position " + (i + 1) + ")");
            }
        }
        return value;
    }

    private static boolean forbidden(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || Character.isSurrogate(c);
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "a carriage return (CR)";
            case '\n' -> "a line feed (LF)";
            case '\0' -> "a NUL character";
            case '\t' -> "a tab";
            default -> Character.isSurrogate(c) ? "a lone surrogate (broken UTF-16)"
                    : Character.isISOControl(c) ? String.format("a control character (U+%04X)", (int) c)
                    : String.format("a line separator or bidirectional control (U+%04X)", (int) c);
        };
    }
}
