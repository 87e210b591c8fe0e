package io.vpbx.admin.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Nullable INTEGER and BOOLEAN columns: JDBC's primitive getters and setters know no null. */
final class NullableColumns {
    private NullableColumns() {
    }

    static void setInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    /** A nullable INTEGER parameter for {@link IdQueries#bind}: the value, or a NULL of that type. */
    static Object integer(Integer value) {
        return value == null ? new IdQueries.SqlNull(Types.INTEGER) : value;
    }

    /** A nullable BOOLEAN parameter for {@link IdQueries#bind}: the value, or a NULL of that type. */
    static Object bool(Boolean value) {
        return value == null ? new IdQueries.SqlNull(Types.BOOLEAN) : value;
    }

    static Integer getInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Boolean getBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
