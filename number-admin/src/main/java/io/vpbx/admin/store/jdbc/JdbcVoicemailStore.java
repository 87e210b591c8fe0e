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
        IdQueries.update(tx, "INSERT INTO voicemails (" + COLUMNS + ", wav) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.id(),
                v.accountId(), v.number(), v.caller(), v.callId(), IdQueries.utc(v.startedAt()), v.length().toMillis(),
                v.heard(), IdQueries.utc(v.createdAt()), wav);
    }

    @Override
    public Optional<Voicemail> find(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.firstRow(tx, ROW, "SELECT " + COLUMNS + " FROM voicemails WHERE id = ? AND account_id = ?", id,
                accountId);
    }

    @Override
    public Optional<Voicemail> findInAnyAccount(Tx tx, String id) throws SQLException {
        return IdQueries.firstRow(tx, ROW, "SELECT " + COLUMNS + " FROM voicemails WHERE id = ?", id);
    }

    @Override
    public Optional<byte[]> wav(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.firstBytes(tx, "SELECT wav FROM voicemails WHERE id = ? AND account_id = ?", id, accountId);
    }

    @Override
    public List<Voicemail> query(Tx tx, VoicemailQuery q) throws SQLException {
        SqlFilter where = new SqlFilter()
                .eq("account_id", q.accountId())
                .eq("number", q.number())
                .eq("caller", q.caller())
                .atLeast("started_at", IdQueries.utc(q.from()))
                .below("started_at", IdQueries.utc(q.to()))
                .eq("heard", q.heard());
        if (q.before() != null) {
            where.raw("(started_at, id) < (?, ?)", IdQueries.utc(q.before().startedAt()), q.before().id());
        }
        String sql = "SELECT " + COLUMNS + " FROM voicemails" + where.sql() + " ORDER BY started_at DESC, id DESC LIMIT ?";
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            st.setInt(where.bind(st, 1), q.limit());
            return IdQueries.rows(st, ROW);
        }
    }

    @Override
    public boolean setHeard(Tx tx, String accountId, String id, boolean heard) throws SQLException {
        return IdQueries.update(tx, "UPDATE voicemails SET heard = ? WHERE id = ? AND account_id = ?", heard, id, accountId) == 1;
    }

    @Override
    public boolean delete(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM voicemails WHERE id = ? AND account_id = ?", id, accountId) == 1;
    }

    @Override
    public List<Voicemail> deleteCreatedBefore(Tx tx, Instant cutoff, int limit) throws SQLException {
        List<Voicemail> old = IdQueries.query(tx, ROW, "SELECT " + COLUMNS
                + " FROM voicemails WHERE created_at < ? ORDER BY created_at, id LIMIT ? FOR UPDATE", IdQueries.utc(cutoff), limit);
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

    private static final IdQueries.Row<Voicemail> ROW = rs -> new Voicemail(rs.getString("id"), rs.getString("account_id"),
            rs.getString("number"), rs.getString("caller"), rs.getString("call_id"), IdQueries.utcInstant(rs, "started_at"),
            Duration.ofMillis(rs.getLong("duration_ms")), rs.getBoolean("heard"), IdQueries.utcInstant(rs, "created_at"));
}
