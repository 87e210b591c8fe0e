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

    /** The value, with folded line breaks turned into single spaces (RFC 3261 section 7.3.1). */
    String value(String text) {
        String raw = text.substring(valueStart, valueEnd);
        return folded ? raw.replaceAll("\\r?\\n[ \\t]+", " ").strip() : raw.stripTrailing();
    }
}
