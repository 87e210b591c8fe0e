package io.vpbx.admin.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a WHERE clause from optional conditions: a null value leaves its condition out. Values are
 * always bound as parameters, never spliced into the SQL.
 */
final class SqlFilter {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    SqlFilter eq(String column, Object value) {
        return add(column + " = ?", value);
    }

    SqlFilter atLeast(String column, Object value) {
        return add(column + " >= ?", value);
    }

    SqlFilter above(String column, Object value) {
        return add(column + " > ?", value);
    }

    SqlFilter below(String column, Object value) {
        return add(column + " < ?", value);
    }

    SqlFilter atMost(String column, Object value) {
        return add(column + " <= ?", value);
    }

    SqlFilter like(String column, String pattern) {
        return add(column + " LIKE ?", pattern);
    }

    /** A condition with its own placeholders, e.g. a row comparison for a cursor. */
    SqlFilter raw(String condition, Object... conditionValues) {
        sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
        values.addAll(List.of(conditionValues));
        return this;
    }

    SqlFilter in(String column, List<String> options) {
        if (options == null || options.isEmpty()) {
            return this;
        }
        return raw(column + " IN (" + String.join(", ", java.util.Collections.nCopies(options.size(), "?")) + ")",
                options.toArray());
    }

    private SqlFilter add(String condition, Object value) {
        return value == null ? this : raw(condition, value);
    }

    String sql() {
        return sql.toString();
    }

    /** Binds the values from {@code first}; returns the next free parameter index. */
    int bind(PreparedStatement st, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            st.setObject(index++, value);
        }
        return index;
    }
}
