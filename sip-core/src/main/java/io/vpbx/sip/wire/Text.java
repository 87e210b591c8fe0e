package io.vpbx.sip.wire;

import java.util.Locale;

/**
 * Reading ranges of a message's text in place: what {@code strip()}, {@code equalsIgnoreCase} and
 * {@code substring} would tell, without the copies.
 */
final class Text {

    private Text() {
    }

    /** The first index in {@code [from, to)} that is no whitespace (as {@link String#strip} sees it), or {@code to}. */
    static int skipWhitespace(String text, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code [from, to)} without trailing whitespace. */
    static int trimEnd(String text, int from, int to) {
        int i = to;
        while (i > from && isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** {@link Character#isWhitespace}, answered at once for the printable ASCII and Latin-1 that headers are made of. */
    private static boolean isWhitespace(char c) {
        return c <= ' ' ? Character.isWhitespace(c) : c >= '\u1680' && Character.isWhitespace(c);
    }

    /** Whether {@code [from, to)} is {@code name} ignoring ASCII case ({@code name} is ASCII). */
    static boolean is(String text, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = text.charAt(from + i);
            char n = name.charAt(i);
            if (c != n) {
                char lower = (char) (c | 0x20);
                if (lower != (n | 0x20) || lower < 'a' || lower > 'z') {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code [from, to)} in lower case, as {@code toLowerCase(Locale.ROOT)} writes it, copied once. */
    static String lowerCase(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 0xC0) {
                return text.substring(from, to).toLowerCase(Locale.ROOT);
            }
        }
        return text.substring(from, to);
    }

    /** Whether {@code [from, to)} is {@code 1*DIGIT}, however long. */
    static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return from < to;
    }

    /** The decimal number at {@code [from, to)}, -1 when empty, not all digits or over {@code maxDigits} digits. */
    static long digits(String text, int from, int to, int maxDigits) {
        if (from >= to || to - from > maxDigits) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** RFC 3261 section 25.1 {@code token}: one or more of alphanum and {@code -.!%*_+`'~}. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** One character of a {@code token} (RFC 3261 section 25.1). */
    static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-.!%*_+`'~".indexOf(c) >= 0;
    }
}
