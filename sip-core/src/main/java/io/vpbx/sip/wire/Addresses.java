package io.vpbx.sip.wire;

import java.util.ArrayList;
import java.util.List;

/** Reading name-addr / addr-spec values (From, To, Contact, Route) without a full parse. */
public final class Addresses {

    private Addresses() {
    }

    /** Splits a field value at commas outside quoted strings and angle brackets, trimming each value. */
    public static List<String> splitValues(String value) {
        List<String> values = new ArrayList<>(1);
        boolean quoted = false;
        boolean angle = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                values.add(value.substring(start, i).strip());
                start = i + 1;
            }
        }
        values.add(value.substring(start).strip());
        return values;
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
        String params = value.substring(from);
        int at = indexOfParameter(params, "tag");
        if (at < 0) {
            return null;
        }
        int end = params.indexOf(';', at);
        String tag = (end < 0 ? params.substring(at) : params.substring(at, end)).strip();
        return tag.isEmpty() ? null : tag;
    }

    /** Index just after {@code ;name=} (case-insensitive), or -1. */
    static int indexOfParameter(String text, String name) {
        int i = 0;
        while ((i = text.indexOf(';', i)) >= 0) {
            int start = i + 1;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
            if (text.regionMatches(true, start, name, 0, name.length())) {
                int after = start + name.length();
                while (after < text.length() && text.charAt(after) == ' ') {
                    after++;
                }
                if (after < text.length() && text.charAt(after) == '=') {
                    return after + 1;
                }
            }
            i = start;
        }
        return -1;
    }

    private static int openingBracket(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                return i;
            }
        }
        return -1;
    }
}
