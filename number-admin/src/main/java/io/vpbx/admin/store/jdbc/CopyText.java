package io.vpbx.admin.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's COPY text format, written by hand: fields separated by a tab, rows ended by a newline,
 * NULL as {@code \N}, and in a value a backslash, tab, newline or carriage return escaped with a backslash
 * (so that no value can end a field or a row early, and the two characters {@code \N} stay text). U+0000 is
 * dropped: PostgreSQL text cannot hold it, and one odd value must not fail the batch it is written in.
 */
final class CopyText {
    private final StringBuilder rows;
    private boolean rowStarted;

    CopyText(int expectedChars) {
        this.rows = new StringBuilder(expectedChars);
    }

    /** Appends a text field; null is NULL. */
    CopyText text(String value) {
        separate();
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                rows.append(value, plainFrom, i);
                plainFrom = i + 1;
                switch (c) {
                    case '\\' -> rows.append("\\\\");
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\r' -> rows.append("\\r");
                    default -> { }
                }
            }
        }
        rows.append(value, plainFrom, value.length());
        return this;
    }

    /** Appends a timestamptz field in UTC ({@code 2026-11-23 10:00:00.123456+00}); null is NULL. */
    CopyText instant(Instant instant) {
        if (instant == null) {
            return text(null);
        }
        separate();
        IsoInstants.append(rows, instant, ' ', "+00");
        return this;
    }

    /** Appends a number field. */
    CopyText number(long value) {
        separate();
        rows.append(value);
        return this;
    }

    /** Ends the row. */
    CopyText endRow() {
        rows.append('\n');
        rowStarted = false;
        return this;
    }

    private void separate() {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
    }

    /** The rows as COPY reads them with the client encoding UTF8 (pgjdbc's). */
    byte[] utf8() {
        return rows.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return rows.toString();
    }
}
