package io.vpbx.sip.wire;

/**
 * Where one header field sits in a message: the line starts at {@code start}, its value at {@code valueStart}
 * and ends (without the line break) at {@code valueEnd}; the next line starts at {@code next}. A folded
 * field spans several lines and is extended as they are read.
 */
final class HeaderLine {
    private final HeaderId id;
    private final int start;
    private final int valueStart;
    private int valueEnd;
    private int next;
    private boolean folded;
    private String value;

    HeaderLine(HeaderId id, int start, int valueStart, int valueEnd, int next) {
        this.id = id;
        this.start = start;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
        this.next = next;
    }

    void extend(int valueEnd, int next) {
        this.valueEnd = valueEnd;
        this.next = next;
        this.folded = true;
    }

    HeaderId id() {
        return id;
    }

    int start() {
        return start;
    }

    int next() {
        return next;
    }

    int valueStart() {
        return valueStart;
    }

    /** Where the value ends, before the line break (trailing whitespace included). */
    int valueEnd() {
        return valueEnd;
    }

    boolean isFolded() {
        return folded;
    }

    /** Whether the field name is a token (section 25.1): what a header field's name must be. */
    boolean hasTokenName(String text) {
        int nameEnd = Text.trimEnd(text, start, text.indexOf(':', start));
        for (int i = start; i < nameEnd; i++) {
            if (!Text.isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return nameEnd > start;
    }

    /**
     * The value, with folded line breaks turned into single spaces (RFC 3261 section 7.3.1); copied out of the
     * text once and kept, as the proxy reads some fields (Call-ID, To, Route) more than once.
     */
    String value(String text) {
        if (value == null) {
            value = folded ? unfold(text, valueStart, valueEnd).strip()
                    : text.substring(valueStart, Text.trimEnd(text, valueStart, valueEnd));
        }
        return value;
    }

    /** Each line break with the whitespace starting the next line ({@code \r?\n[ \t]+}) becomes one space. */
    private static String unfold(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int lf = c == '\r' && i + 1 < to && text.charAt(i + 1) == '\n' ? i + 1 : c == '\n' ? i : -1;
            if (lf >= 0 && lf + 1 < to && (text.charAt(lf + 1) == ' ' || text.charAt(lf + 1) == '\t')) {
                i = lf + 1;
                while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                out.append(' ');
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
