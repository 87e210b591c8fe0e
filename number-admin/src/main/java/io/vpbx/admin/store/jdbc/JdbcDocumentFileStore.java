package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.WireName;
import io.vpbx.admin.domain.compliance.DocumentFile;
import io.vpbx.admin.domain.compliance.FileType;
import io.vpbx.admin.store.DocumentFileStore;
import io.vpbx.admin.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Document files in end_user_files; the bytes column is read only where a caller needs the bytes. */
public final class JdbcDocumentFileStore implements DocumentFileStore {
    private static final String META = "id, account_id, end_user_id, purpose, content_type, size_bytes, key_id, expires_on, created_at";
    private static final String LETTER = DocumentFile.Purpose.AUTHORIZATION_LETTER.wireName();
    /** The latest letter of each end user still valid: no later one exists. */
    private static final String LATEST_LETTER = "FROM end_user_files f JOIN end_users u ON u.id = f.end_user_id "
            + "WHERE u.document_status = 'valid' AND u.anonymized_at IS NULL AND f.purpose = ? AND NOT EXISTS (SELECT 1 FROM "
            + "end_user_files g WHERE g.end_user_id = f.end_user_id AND g.purpose = f.purpose AND (g.created_at > f.created_at "
            + "OR (g.created_at = f.created_at AND g.id > f.id)))";

    @Override
    public void create(Tx tx, DocumentFile f) throws SQLException {
        IdQueries.update(tx, "INSERT INTO end_user_files (" + META + ", content_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.id(), f.accountId(), f.endUserId(), f.purpose().wireName(), f.type().mediaType(), f.sizeBytes(), f.keyId(),
                f.expiresOn() == null ? new IdQueries.SqlNull(java.sql.Types.DATE) : f.expiresOn(), Timestamp.from(f.createdAt()),
                f.sealed());
    }

    @Override
    public Optional<DocumentFile> find(Tx tx, String endUserId, String fileId) throws SQLException {
        return IdQueries.firstRow(tx, rs -> row(rs, rs.getBytes("content_sealed")), "SELECT " + META
                + ", content_sealed FROM end_user_files WHERE id = ? AND end_user_id = ?", fileId, endUserId);
    }

    @Override
    public List<DocumentFile> list(Tx tx, String endUserId) throws SQLException {
        return IdQueries.query(tx, rs -> row(rs, new byte[0]), "SELECT " + META
                + " FROM end_user_files WHERE end_user_id = ? ORDER BY created_at DESC, id DESC", endUserId);
    }

    @Override
    public Optional<DocumentFile> latest(Tx tx, String endUserId, DocumentFile.Purpose purpose) throws SQLException {
        return IdQueries.firstRow(tx, rs -> row(rs, new byte[0]), "SELECT " + META + " FROM end_user_files WHERE end_user_id = ? "
                + "AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1", endUserId, purpose.wireName());
    }

    @Override
    public List<String> lettersExpiring(Tx tx, LocalDate day, boolean exactly, int limit) throws SQLException {
        return IdQueries.query(tx, rs -> rs.getString(1), "SELECT f.end_user_id " + LATEST_LETTER + " AND f.expires_on "
                + (exactly ? "=" : "<") + " ? ORDER BY f.end_user_id LIMIT ?", LETTER, day, limit);
    }

    @Override
    public int deleteAll(Tx tx, String endUserId) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM end_user_files WHERE end_user_id = ?", endUserId);
    }

    @Override
    public List<DocumentFile> sealedWithOtherKeys(Tx tx, String keyId, int limit) throws SQLException {
        return IdQueries.query(tx, rs -> row(rs, rs.getBytes("content_sealed")), "SELECT " + META
                + ", content_sealed FROM end_user_files WHERE key_id <> ? ORDER BY id LIMIT ? FOR UPDATE", keyId, limit);
    }

    @Override
    public void reseal(Tx tx, DocumentFile f) throws SQLException {
        IdQueries.updateOne(tx, "document file " + f.id(), "UPDATE end_user_files SET key_id = ?, content_sealed = ? WHERE id = ?",
                f.keyId(), f.sealed(), f.id());
    }

    @Override
    public boolean remindOnce(Tx tx, String endUserId, String subject, LocalDate expiresOn, int daysBefore, Instant at)
            throws SQLException {
        if (IdQueries.exists(tx, "SELECT 1 FROM expiry_reminders WHERE end_user_id = ? AND subject = ? AND expires_on = ? "
                + "AND days_before = ?", endUserId, subject, expiresOn, daysBefore)) {
            return false;
        }
        IdQueries.update(tx, "INSERT INTO expiry_reminders (end_user_id, subject, expires_on, days_before, reminded_at) "
                + "VALUES (?, ?, ?, ?, ?)", endUserId, subject, expiresOn, daysBefore, Timestamp.from(at));
        return true;
    }

    private static DocumentFile row(ResultSet rs, byte[] sealed) throws SQLException {
        return new DocumentFile(rs.getString("id"), rs.getString("account_id"), rs.getString("end_user_id"),
                WireName.exact(DocumentFile.Purpose.class, rs.getString("purpose")).orElseThrow(),
                FileType.ofMediaType(rs.getString("content_type")).orElseThrow(), rs.getInt("size_bytes"), rs.getString("key_id"),
                sealed, rs.getObject("expires_on", LocalDate.class), IdQueries.instant(rs, "created_at"));
    }
}
