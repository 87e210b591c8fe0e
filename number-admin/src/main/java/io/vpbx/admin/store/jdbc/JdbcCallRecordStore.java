package io.vpbx.admin.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.cdr.CallRecordQuery;
import io.vpbx.admin.domain.cdr.StoredCallRecord;
import io.vpbx.admin.store.CallRecordStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.cdr.CallRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Call records in the call_records table, their attempts as a JSON array in one column, appended with COPY on
 * PostgreSQL and a JDBC batch on H2. Text that came from the wire (Call-ID, caller, callee) is cut to its
 * column's width rather than refused: one odd INVITE must not fail the batch it is written in.
 *
 * <p>A record the table already has (same Call-ID, direction and start: V22's unique key) is skipped, not
 * refused: a batch written again after its commit was lost with the connection, or replayed from the journal,
 * adds only what is missing.
 */
public final class JdbcCallRecordStore implements CallRecordStore {
    private static final String COLUMNS = "call_id, account_id, direction, number, caller, callee, carrier, result, final_code, "
            + "fallback, started_at, answered_at, ended_at, attempts";

    private final AttemptsJson attempts;

    public JdbcCallRecordStore(ObjectMapper mapper) {
        this.attempts = new AttemptsJson(mapper);
    }

    @Override
    public void append(Tx tx, List<CallRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        Connection connection = tx.connection();
        if (connection.isWrapperFor(PGConnection.class)) {
            copy(connection, records);
        } else {
            insert(connection, records);
        }
    }

    /**
     * PostgreSQL: one COPY of the whole batch, its rows encoded here, where the batched INSERT had the driver
     * bind 14 parameters a row and rewrite the batch into multi-row statements of 128, 64, ... rows, each parsed
     * and planned by the server.
     */
    private void copy(Connection connection, List<CallRecord> records) throws SQLException {
        CopyText rows = new CopyText(records.size() * 512);
        for (CallRecord r : records) {
            rows.text(cut(r.callId(), 255))
                    .text(cut(r.accountId(), 36))
                    .text(lower(r.direction()))
                    .text(cut(r.number(), 64))
                    .text(cut(r.caller(), 255))
                    .text(cut(r.callee(), 255))
                    .text(cut(r.carrier(), 64))
                    .text(lower(r.result()))
                    .number(r.finalCode())
                    .text(cut(r.fallback(), 64))
                    .instant(r.startedAt())
                    .instant(r.answeredAt())
                    .instant(r.endedAt())
                    .text(attempts.write(r.attempts()))
                    .endRow();
        }
        byte[] bytes = rows.utf8();
        // COPY cannot skip a row the table has: it goes to a temporary table of this connection, emptied at commit,
        // and from there into call_records with ON CONFLICT DO NOTHING
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE IF NOT EXISTS call_records_in ON COMMIT DELETE ROWS AS SELECT " + COLUMNS
                    + " FROM call_records WITH NO DATA");
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY call_records_in (" + COLUMNS + ") FROM STDIN");
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("INSERT INTO call_records (" + COLUMNS + ") SELECT " + COLUMNS + " FROM call_records_in"
                    + " ON CONFLICT DO NOTHING");
        }
    }

    /** H2: one JDBC batch of INSERTs. */
    private void insert(Connection connection, List<CallRecord> records) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO call_records (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            for (CallRecord r : records) {
                st.setString(1, cut(r.callId(), 255));
                st.setString(2, cut(r.accountId(), 36));
                st.setString(3, lower(r.direction()));
                st.setString(4, cut(r.number(), 64));
                st.setString(5, cut(r.caller(), 255));
                st.setString(6, cut(r.callee(), 255));
                st.setString(7, cut(r.carrier(), 64));
                st.setString(8, lower(r.result()));
                st.setInt(9, r.finalCode());
                st.setString(10, cut(r.fallback(), 64));
                st.setObject(11, IdQueries.utc(r.startedAt()));
                setInstant(st, 12, r.answeredAt());
                st.setObject(13, IdQueries.utc(r.endedAt()));
                st.setString(14, attempts.write(r.attempts()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    @Override
    public List<StoredCallRecord> query(Tx tx, CallRecordQuery q) throws SQLException {
        SqlFilter where = new SqlFilter()
                .eq("account_id", q.accountId())
                .atLeast("started_at", IdQueries.utc(q.from()))
                .below("started_at", IdQueries.utc(q.to()))
                .eq("number", q.number())
                .eq("direction", q.direction() == null ? null : lower(q.direction()))
                .eq("result", q.result() == null ? null : lower(q.result()))
                .eq("caller", q.caller());
        if (q.before() != null) {
            where.raw("(started_at, id) < (?, ?)", IdQueries.utc(q.before().startedAt()), q.before().id());
        }
        String sql = "SELECT id, " + COLUMNS + " FROM call_records" + where.sql() + " ORDER BY started_at DESC, id DESC LIMIT ?";
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            st.setInt(where.bind(st, 1), q.limit());
            return IdQueries.rows(st, rs -> new StoredCallRecord(rs.getLong("id"), read(rs)));
        }
    }

    private CallRecord read(ResultSet rs) throws SQLException {
        return new CallRecord(rs.getString("call_id"), rs.getString("account_id"),
                CallRecord.Direction.valueOf(rs.getString("direction").toUpperCase(Locale.ROOT)), rs.getString("number"),
                rs.getString("caller"), rs.getString("callee"), rs.getString("carrier"), attempts.read(rs.getString("attempts")),
                CallRecord.Result.valueOf(rs.getString("result").toUpperCase(Locale.ROOT)), rs.getInt("final_code"),
                rs.getString("fallback"), instant(rs, "started_at"), instant(rs, "answered_at"), instant(rs, "ended_at"));
    }

    private static String cut(String text, int width) {
        if (text == null || text.length() <= width) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(width - 1)) ? width - 1 : width;
        return text.substring(0, end);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }


    private static void setInstant(PreparedStatement st, int index, Instant instant) throws SQLException {
        if (instant == null) {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(index, IdQueries.utc(instant));
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
