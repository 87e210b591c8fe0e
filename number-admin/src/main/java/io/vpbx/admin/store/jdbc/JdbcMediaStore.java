package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.media.Media;
import io.vpbx.admin.store.MediaStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcMediaStore implements MediaStore {
    private static final String COLUMNS = "id, account_id, name, duration_ms, original_format, original_rate, original_channels, "
            + "created_at";

    @Override
    public void create(Tx tx, Media m, byte[] wav) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO media (" + COLUMNS
                + ", audio) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, m.id());
            st.setString(2, m.accountId());
            st.setString(3, m.name());
            st.setLong(4, m.duration().toMillis());
            st.setString(5, m.originalFormat());
            st.setInt(6, m.originalRate());
            st.setInt(7, m.originalChannels());
            st.setTimestamp(8, Timestamp.from(m.createdAt()));
            st.setBytes(9, wav);
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Media> find(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.first(tx, JdbcMediaStore::rows, "SELECT " + COLUMNS + " FROM media WHERE id = ? AND account_id = ?",
                id, accountId);
    }

    @Override
    public Optional<Media> lock(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.first(tx, JdbcMediaStore::rows,
                "SELECT " + COLUMNS + " FROM media WHERE id = ? AND account_id = ? FOR UPDATE", id, accountId);
    }

    @Override
    public boolean exists(Tx tx, String accountId, String id) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT 1 FROM media WHERE id = ? AND account_id = ?")) {
            st.setString(1, id);
            st.setString(2, accountId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<Media> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.accountPage(tx, JdbcMediaStore::rows, "SELECT " + COLUMNS + " FROM media", accountId, afterId, limit);
    }

    @Override
    public Optional<byte[]> audio(Tx tx, String accountId, String id) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT audio FROM media WHERE id = ? AND account_id = ?")) {
            st.setString(1, id);
            st.setString(2, accountId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    @Override
    public boolean delete(Tx tx, String accountId, String id) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM media WHERE id = ? AND account_id = ?")) {
            st.setString(1, id);
            st.setString(2, accountId);
            return st.executeUpdate() == 1;
        }
    }

    private static List<Media> rows(PreparedStatement st) throws SQLException {
        List<Media> media = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                media.add(new Media(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                        Duration.ofMillis(rs.getLong("duration_ms")), rs.getString("original_format"), rs.getInt("original_rate"),
                        rs.getInt("original_channels"), rs.getTimestamp("created_at").toInstant()));
            }
        }
        return media;
    }
}
