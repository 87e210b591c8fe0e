package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows that belong to other rows in order (a department's members, a trunk's source addresses), read for a
 * page of parents with one query and grouped by parent id.
 */
final class ChildRows {
    private ChildRows() {
    }

    /** Reads one child from the current row; its own columns start at the second. */
    @FunctionalInterface
    interface Child<C> {
        C read(ResultSet rs) throws SQLException;
    }

    /**
     * {@code select} is "SELECT parent_column, child columns... FROM table"; the children come in {@code position}
     * order. A parent with no children has no entry.
     */
    static <C> Map<String, List<C>> byParent(Tx tx, String select, String parentColumn, List<String> parentIds,
                                             Child<C> child) throws SQLException {
        Map<String, List<C>> children = new HashMap<>();
        if (parentIds.isEmpty()) {
            return children;
        }
        SqlFilter filter = new SqlFilter().in(parentColumn, parentIds);
        try (PreparedStatement st = tx.connection().prepareStatement(select + filter.sql()
                + " ORDER BY " + parentColumn + ", position")) {
            filter.bind(st, 1);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    children.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(child.read(rs));
                }
            }
        }
        return children;
    }
}
