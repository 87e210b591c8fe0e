package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.media.Media;
import io.vpbx.admin.store.MediaStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

public final class JdbcMediaStore implements MediaStore {
    private static final String COLUMNS = "id, account_id, name, duration_ms, original_format, original_rate, original_channels, "
            + "created_at";

    private static final IdQueries.Row<Media> ROW = rs -> new Media(rs.getString("id"), rs.getString("account_id"),
            rs.getString("name"), Duration.ofMillis(rs.getLong("duration_ms")), rs.getString("original_format"),
            rs.getInt("original_rate"), rs.getInt("original_channels"), rs.getTimestamp("created_at").toInstant());

    @Override
    public void create(Tx tx, Media m, byte[] wav) throws SQLException {
        IdQueries.update(tx, "INSERT INTO media (" + COLUMNS + ", audio) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(),
                m.accountId(), m.name(), m.duration().toMillis(), m.originalFormat(), m.originalRate(), m.originalChannels(),
                Timestamp.from(m.createdAt()), wav);
    }

    @Override
    public Optional<Media> find(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.firstRow(tx, ROW, "SELECT " + COLUMNS + " FROM media WHERE id = ? AND account_id = ?", id, accountId);
    }

    @Override
    public Optional<Media> lock(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.firstRow(tx, ROW, "SELECT " + COLUMNS + " FROM media WHERE id = ? AND account_id = ? FOR UPDATE",
                id, accountId);
    }

    @Override
    public boolean exists(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.exists(tx, "SELECT 1 FROM media WHERE id = ? AND account_id = ?", id, accountId);
    }

    @Override
    public List<Media> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.accountPage(tx, st -> IdQueries.rows(st, ROW), "SELECT " + COLUMNS + " FROM media", accountId,
                afterId, limit);
    }

    @Override
    public Optional<byte[]> audio(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.firstBytes(tx, "SELECT audio FROM media WHERE id = ? AND account_id = ?", id, accountId);
    }

    @Override
    public boolean delete(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM media WHERE id = ? AND account_id = ?", id, accountId) == 1;
    }
}
