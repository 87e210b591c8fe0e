package io.vpbx.admin.store;

import io.vpbx.admin.domain.voicemail.Voicemail;
import io.vpbx.admin.domain.voicemail.VoicemailQuery;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored voicemails with their recordings. Every read by id is scoped to an account, so another account's message
 * is simply absent.
 */
public interface VoicemailStore {
    void create(Tx tx, Voicemail voicemail, byte[] wav) throws SQLException;

    Optional<Voicemail> find(Tx tx, String accountId, String id) throws SQLException;

    /** A message of any account: for the mail worker, which holds only the id from the queue. */
    Optional<Voicemail> findInAnyAccount(Tx tx, String id) throws SQLException;

    /** The recording, as stored. */
    Optional<byte[]> wav(Tx tx, String accountId, String id) throws SQLException;

    /** The messages matching {@code query}, newest first (by start, then id), after its cursor, at most its limit. */
    List<Voicemail> query(Tx tx, VoicemailQuery query) throws SQLException;

    /** Returns whether the message existed in the account. */
    boolean setHeard(Tx tx, String accountId, String id, boolean heard) throws SQLException;

    /** Deletes the message and its deliveries; returns whether it existed in the account. */
    boolean delete(Tx tx, String accountId, String id) throws SQLException;

    /** Deletes up to {@code limit} messages of any account stored before {@code cutoff}; returns them. */
    List<Voicemail> deleteCreatedBefore(Tx tx, Instant cutoff, int limit) throws SQLException;
}
