package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The queries the JDBC stores of resources kept by id share: the first row for some string keys, and a page in id
 * order after a cursor id (empty string: from the start), of one account or of every account.
 */
final class IdQueries {
    private IdQueries() {
    }

    /** Reads what a prepared query returns, with what belongs to each row (a department's members, a trunk's addresses). */
    @FunctionalInterface
    interface Rows<T> {
        List<T> read(PreparedStatement st) throws SQLException;
    }

    static <T> Optional<T> first(Tx tx, Rows<T> rows, String sql, String... values) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setString(i + 1, values[i]);
            }
            return rows.read(st).stream().findFirst();
        }
    }

    /** The first column of the first row a one-key query returns, as a string (a setting's value, a caller id). */
    static Optional<String> firstString(Tx tx, String sql, String key) throws SQLException {
        return first(tx, st -> {
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1)) : List.of();
            }
        }, sql, key);
    }

    /** {@code select} ("SELECT ... FROM table") narrowed to the account, after {@code afterId} (null: from the start). */
    static <T> List<T> accountPage(Tx tx, Rows<T> rows, String select, String accountId, String afterId, int limit)
            throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                select + " WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?")) {
            st.setString(1, accountId);
            st.setString(2, afterId == null ? "" : afterId);
            st.setInt(3, limit);
            return rows.read(st);
        }
    }

    /** {@code select} ("SELECT ... FROM table") over every account, after {@code afterId} (null: from the start). */
    static <T> List<T> page(Tx tx, Rows<T> rows, String select, String afterId, int limit) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(select + " WHERE id > ? ORDER BY id LIMIT ?")) {
            st.setString(1, afterId == null ? "" : afterId);
            st.setInt(2, limit);
            return rows.read(st);
        }
    }
}
