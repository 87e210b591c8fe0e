package io.vpbx.sip.wire;

import java.util.ArrayList;
import java.util.List;

/** Reading name-addr / addr-spec values (From, To, Contact, Route) without a full parse. */
public final class Addresses {

    private Addresses() {
    }

    /** Splits a field value at commas outside quoted strings and angle brackets, trimming each value. */
    public static List<String> splitValues(String value) {
        return split(value, ',');
    }

    /**
     * Splits at every {@code separator} outside quoted strings and angle brackets (so that a URI's own parameters stay
     * with it), trimming each piece; empty pieces are kept. With {@code ';'} it splits an address into the address and
     * its header parameters.
     */
    public static List<String> split(String value, char separator) {
        List<String> values = new ArrayList<>(1);
        int start = 0;
        while (true) {
            int end = valueEnd(value, start, value.length(), separator);
            values.add(value.substring(start, end).strip());
            if (end == value.length()) {
                return values;
            }
            start = end + 1;
        }
    }

    /**
     * Where the first of the comma-separated values in {@code [from, to)} ends, as {@link #splitValues} splits:
     * the first comma outside quoted strings and angle brackets, or {@code to}.
     */
    static int firstValueEnd(String text, int from, int to) {
        return valueEnd(text, from, to, ',');
    }

    /** The first {@code separator} in {@code [from, to)} outside quoted strings and angle brackets, or {@code to}. */
    static int valueEnd(String text, int from, int to, char separator) {
        int found = text.indexOf(separator, from);
        if (found < 0 || found >= to) {
            return to;
        }
        boolean angle = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = afterQuoted(text, i, to);
                if (end < 0) {
                    return to;
                }
                i = end - 1;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == separator && !angle) {
                return i;
            }
        }
        return to;
    }

    /** The URI of a name-addr ({@code "x" <uri>;params}) or addr-spec ({@code uri;params}), or null. */
    public static String uri(String value) {
        if (value == null) {
            return null;
        }
        int open = openingBracket(value);
        if (open >= 0) {
            int close = value.indexOf('>', open);
            return close < 0 ? null : value.substring(open + 1, close).strip();
        }
        int semicolon = value.indexOf(';');
        String uri = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
        return uri.isEmpty() ? null : uri;
    }

    /** The tag header parameter of a From or To value, or null. */
    public static String tag(String value) {
        if (value == null) {
            return null;
        }
        int open = openingBracket(value);
        int from = open >= 0 ? Math.max(value.indexOf('>', open), 0) : 0;
        int at = indexOfParameter(value, from, "tag");
        if (at < 0) {
            return null;
        }
        int end = value.indexOf(';', at);
        int start = Text.skipWhitespace(value, at, end < 0 ? value.length() : end);
        int stop = Text.trimEnd(value, start, end < 0 ? value.length() : end);
        return start == stop ? null : value.substring(start, stop);
    }

    /** Index just after {@code ;name=} (case-insensitive), or -1. */
    static int indexOfParameter(String text, String name) {
        return indexOfParameter(text, 0, name);
    }

    /** Index just after {@code ;name=} (case-insensitive) at or after {@code from}, or -1. */
    static int indexOfParameter(String text, int from, String name) {
        return indexOfParameter(text, from, text.length(), name);
    }

    /** Index just after {@code ;name=} (case-insensitive) within {@code [from, to)}, or -1. */
    static int indexOfParameter(String text, int from, int to, String name) {
        int i = from;
        while ((i = text.indexOf(';', i)) >= 0 && i < to) {
            int start = i + 1;
            while (start < to && text.charAt(start) == ' ') {
                start++;
            }
            if (start + name.length() <= to && text.regionMatches(true, start, name, 0, name.length())) {
                int after = start + name.length();
                while (after < to && text.charAt(after) == ' ') {
                    after++;
                }
                if (after < to && text.charAt(after) == '=') {
                    return after + 1;
                }
            }
            i = start;
        }
        return -1;
    }

    /** Index of the {@code <} opening a name-addr, skipping a quoted display name; -1 for an addr-spec. */
    static int openingBracket(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                int end = afterQuoted(value, i, value.length());
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
            } else if (c == '<') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Just past the quoted-string whose opening quote is at {@code open} (backslash escapes skipped, RFC 3261
     * section 25.1), or -1 when it does not close before {@code to}: the one quote-aware step every scan here uses.
     */
    static int afterQuoted(String text, int open, int to) {
        for (int i = open + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }
}
