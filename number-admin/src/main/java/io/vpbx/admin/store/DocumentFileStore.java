package io.vpbx.admin.store;

import io.vpbx.admin.domain.compliance.DocumentFile;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * End users' document files, sealed. Listings leave the sealed bytes out (an empty array): only a download or a
 * re-seal reads them.
 */
public interface DocumentFileStore {
    void create(Tx tx, DocumentFile file) throws SQLException;

    /** The file with its sealed bytes, when it belongs to {@code endUserId}. */
    Optional<DocumentFile> find(Tx tx, String endUserId, String fileId) throws SQLException;

    /** The end user's files without their bytes, newest first. */
    List<DocumentFile> list(Tx tx, String endUserId) throws SQLException;

    /** The end user's latest file for {@code purpose} (the one in force), without its bytes. */
    Optional<DocumentFile> latest(Tx tx, String endUserId, DocumentFile.Purpose purpose) throws SQLException;

    /** End users with valid documents whose latest authorization letter expires on {@code day} ({@code exactly}) or before it. */
    List<String> lettersExpiring(Tx tx, LocalDate day, boolean exactly, int limit) throws SQLException;

    /** Deletes all of the end user's files (erasure); returns how many. */
    int deleteAll(Tx tx, String endUserId) throws SQLException;

    /** Files not sealed under {@code keyId}, with their bytes, locked, at most {@code limit}. */
    List<DocumentFile> sealedWithOtherKeys(Tx tx, String keyId, int limit) throws SQLException;

    /** Stores the file's new sealed bytes and key id. */
    void reseal(Tx tx, DocumentFile file) throws SQLException;

    /** Records a reminder of {@code subject} expiring on {@code expiresOn}; false when that reminder was already given. */
    boolean remindOnce(Tx tx, String endUserId, String subject, LocalDate expiresOn, int daysBefore, java.time.Instant at)
            throws SQLException;
}
