package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.voicemail.Voicemail;
import io.vpbx.admin.domain.voicemail.VoicemailQuery;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.VoicemailStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcVoicemailStore implements VoicemailStore {
    /** Every column but the recording, which only {@link #wav} reads. */
    private static final String COLUMNS = "id, account_id, number, caller, call_id, started_at, duration_ms, heard, created_at";

    @Override
    public void create(Tx tx, Voicemail v, byte[] wav) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO voicemails (" + COLUMNS
                + ", wav) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, v.id());
            st.setString(2, v.accountId());
            st.setString(3, v.number());
            st.setString(4, v.caller());
            st.setString(5, v.callId());
            st.setObject(6, utc(v.startedAt()));
            st.setLong(7, v.length().toMillis());
            st.setBoolean(8, v.heard());
            st.setObject(9, utc(v.createdAt()));
            st.setBytes(10, wav);
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Voicemail> find(Tx tx, String accountId, String id) throws SQLException {
        return first(read(tx, "SELECT " + COLUMNS + " FROM voicemails WHERE id = ? AND account_id = ?", id, accountId));
    }

    @Override
    public Optional<Voicemail> findInAnyAccount(Tx tx, String id) throws SQLException {
        return first(read(tx, "SELECT " + COLUMNS + " FROM voicemails WHERE id = ?", id));
    }

    @Override
    public Optional<byte[]> wav(Tx tx, String accountId, String id) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT wav FROM voicemails WHERE id = ? AND account_id = ?")) {
            st.setString(1, id);
            st.setString(2, accountId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    @Override
    public List<Voicemail> query(Tx tx, VoicemailQuery q) throws SQLException {
        SqlFilter where = new SqlFilter()
                .eq("account_id", q.accountId())
                .eq("number", q.number())
                .eq("caller", q.caller())
                .atLeast("started_at", utc(q.from()))
                .below("started_at", utc(q.to()))
                .eq("heard", q.heard());
        if (q.before() != null) {
            where.raw("(started_at, id) < (?, ?)", utc(q.before().startedAt()), q.before().id());
        }
        String sql = "SELECT " + COLUMNS + " FROM voicemails" + where.sql() + " ORDER BY started_at DESC, id DESC LIMIT ?";
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            st.setInt(where.bind(st, 1), q.limit());
            return rows(st);
        }
    }

    @Override
    public boolean setHeard(Tx tx, String accountId, String id, boolean heard) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE voicemails SET heard = ? WHERE id = ? AND account_id = ?")) {
            st.setBoolean(1, heard);
            st.setString(2, id);
            st.setString(3, accountId);
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public boolean delete(Tx tx, String accountId, String id) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM voicemails WHERE id = ? AND account_id = ?")) {
            st.setString(1, id);
            st.setString(2, accountId);
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public List<Voicemail> deleteCreatedBefore(Tx tx, Instant cutoff, int limit) throws SQLException {
        List<Voicemail> old;
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM voicemails WHERE created_at < ? ORDER BY created_at, id LIMIT ? FOR UPDATE")) {
            st.setObject(1, utc(cutoff));
            st.setInt(2, limit);
            old = rows(st);
        }
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM voicemails WHERE id = ?")) {
            for (Voicemail v : old) {
                st.setString(1, v.id());
                st.addBatch();
            }
            if (!old.isEmpty()) {
                st.executeBatch();
            }
        }
        return old;
    }

    private static List<Voicemail> read(Tx tx, String sql, String... values) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setString(i + 1, values[i]);
            }
            return rows(st);
        }
    }

    private static List<Voicemail> rows(PreparedStatement st) throws SQLException {
        List<Voicemail> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                found.add(new Voicemail(rs.getString("id"), rs.getString("account_id"), rs.getString("number"),
                        rs.getString("caller"), rs.getString("call_id"), instant(rs, "started_at"),
                        Duration.ofMillis(rs.getLong("duration_ms")), rs.getBoolean("heard"), instant(rs, "created_at")));
            }
        }
        return found;
    }

    private static Optional<Voicemail> first(List<Voicemail> found) {
        return found.stream().findFirst();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
