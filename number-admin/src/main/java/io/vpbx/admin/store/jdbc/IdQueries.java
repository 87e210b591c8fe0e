package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statement steps the JDBC stores share: binding parameters in order, mapping every row a query returns,
 * running a write (and requiring that it found its row), the first row for some keys, and a page in id order after
 * a cursor id (empty string: from the start), of one account or of every account.
 */
final class IdQueries {
    /** SQLSTATE of a unique violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private IdQueries() {
    }

    /** A NULL of a JDBC type ({@link Types}), for {@link #bind}: a bare null is bound as text. */
    record SqlNull(int type) {
    }

    /** Reads what a prepared query returns, with what belongs to each row (a department's members, a trunk's addresses). */
    @FunctionalInterface
    interface Rows<T> {
        List<T> read(PreparedStatement st) throws SQLException;
    }

    /** Maps the current row of a result set to one value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Binds {@code values} from the first parameter on: a String, or null, as text; Integer, Long, Double and Boolean as such;
     * a {@link Timestamp} as a timestamp; bytes as binary; a {@link SqlNull} as a NULL of its type; anything else (OffsetDateTime, LocalDate) as an object. A null is a text
     * NULL, so a nullable column of another type is bound by its store itself.
     */
    static void bind(PreparedStatement st, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int index = i + 1;
            switch (values[i]) {
                case null -> st.setString(index, null);
                case SqlNull typed -> st.setNull(index, typed.type());
                case String text -> st.setString(index, text);
                case Integer number -> st.setInt(index, number);
                case Long number -> st.setLong(index, number);
                case Double number -> st.setDouble(index, number);
                case Boolean flag -> st.setBoolean(index, flag);
                case Timestamp time -> st.setTimestamp(index, time);
                case byte[] bytes -> st.setBytes(index, bytes);
                default -> st.setObject(index, values[i]);
            }
        }
    }

    /** Every row a prepared query returns, each read by {@code row}. */
    static <T> List<T> rows(PreparedStatement st, Row<T> row) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(row.read(rs));
            }
        }
        return rows;
    }

    /** Every row {@code sql} returns with {@code values} bound, each read by {@code row}. */
    static <T> List<T> query(Tx tx, Row<T> row, String sql, Object... values) throws SQLException {
        return select(tx, st -> rows(st, row), sql, values);
    }

    /** The first column of the first row as bytes (a stored recording), or empty when there is no row. */
    static Optional<byte[]> firstBytes(Tx tx, String sql, Object... values) throws SQLException {
        return firstRow(tx, rs -> rs.getBytes(1), sql, values);
    }

    /** Whether {@code sql} returns any row with {@code values} bound. */
    static boolean exists(Tx tx, String sql, Object... values) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            bind(st, values);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE with {@code values} bound; returns how many rows it changed. */
    static int update(Tx tx, String sql, Object... values) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            bind(st, values);
            return st.executeUpdate();
        }
    }

    /** As {@link #update}, for a write of one row that must be there: otherwise {@code what} vanished while being saved. */
    static void updateOne(Tx tx, String what, String sql, Object... values) throws SQLException {
        if (update(tx, sql, values) != 1) {
            throw new SQLException(what + " vanished while being saved");
        }
    }

    /** An instant as a TIMESTAMP parameter, or a NULL of that type: what {@code setTimestamp} binds for it. */
    static Object timestamp(Instant instant) {
        return instant == null ? new SqlNull(Types.TIMESTAMP) : Timestamp.from(instant);
    }

    /** A nullable TIMESTAMP column as an instant. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A nullable TIMESTAMP WITH TIME ZONE column as an instant. */
    static Instant utcInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An instant as a TIMESTAMP WITH TIME ZONE value in UTC; null stays null (bind it with setObject, not {@link #bind}). */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Whether a write failed on a unique constraint (two writers raced past a service's check). */
    static boolean isUniqueViolation(SQLException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSQLState());
    }

    /** What {@code rows} reads from {@code sql} run with {@code values} bound. */
    static <T> List<T> select(Tx tx, Rows<T> rows, String sql, Object... values) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            bind(st, values);
            return rows.read(st);
        }
    }

    static <T> Optional<T> first(Tx tx, Rows<T> rows, String sql, Object... values) throws SQLException {
        return select(tx, rows, sql, values).stream().findFirst();
    }

    /** The first row {@code sql} returns with {@code values} bound, read by {@code row}. */
    static <T> Optional<T> firstRow(Tx tx, Row<T> row, String sql, Object... values) throws SQLException {
        return first(tx, st -> rows(st, row), sql, values);
    }

    /** The first column of the first row a one-key query returns, as a string (a setting's value, a caller id). */
    static Optional<String> firstString(Tx tx, String sql, String key) throws SQLException {
        return firstRow(tx, rs -> rs.getString(1), sql, key);
    }

    /** {@code select} ("SELECT ... FROM table") narrowed to the account, after {@code afterId} (null: from the start). */
    static <T> List<T> accountPage(Tx tx, Rows<T> rows, String select, String accountId, String afterId, int limit)
            throws SQLException {
        return select(tx, rows, select + " WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?", accountId,
                afterId == null ? "" : afterId, limit);
    }

    /** {@code select} ("SELECT ... FROM table") over every account, after {@code afterId} (null: from the start). */
    static <T> List<T> page(Tx tx, Rows<T> rows, String select, String afterId, int limit) throws SQLException {
        return select(tx, rows, select + " WHERE id > ? ORDER BY id LIMIT ?", afterId == null ? "" : afterId, limit);
    }
}
