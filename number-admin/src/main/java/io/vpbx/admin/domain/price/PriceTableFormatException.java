package io.vpbx.admin.domain.price;

import java.util.Optional;

/** A price-table CSV cannot be read; names the source, the line (1-based) and, where it is one cell, the column. */
public final class PriceTableFormatException extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final String column;

    public PriceTableFormatException(String source, int line, String column, String problem, Throwable cause) {
        super(source + " line " + line + (column == null ? "" : ", column " + column) + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    /** The offending column's header name, empty when the whole line is wrong. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
