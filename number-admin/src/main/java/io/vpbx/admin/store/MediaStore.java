package io.vpbx.admin.store;

import io.vpbx.admin.domain.media.Media;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Accounts' media libraries: a clip's description and its converted audio, written together, read apart (a list
 * never reads audio). Every read is scoped to an account, so another account's clip is simply absent.
 */
public interface MediaStore {
    void create(Tx tx, Media media, byte[] wav) throws SQLException;

    Optional<Media> find(Tx tx, String accountId, String id) throws SQLException;

    /** The clip's description, locked until the transaction ends. */
    Optional<Media> lock(Tx tx, String accountId, String id) throws SQLException;

    boolean exists(Tx tx, String accountId, String id) throws SQLException;

    /** An account's clips by id, after {@code afterId} (null: from the start), at most {@code limit}. */
    List<Media> list(Tx tx, String accountId, String afterId, int limit) throws SQLException;

    /** The converted audio as a WAV file. */
    Optional<byte[]> audio(Tx tx, String accountId, String id) throws SQLException;

    /** Returns whether the clip existed in the account. */
    boolean delete(Tx tx, String accountId, String id) throws SQLException;
}
