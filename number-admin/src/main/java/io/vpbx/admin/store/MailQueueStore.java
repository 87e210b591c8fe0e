package io.vpbx.admin.store;

import io.vpbx.admin.domain.voicemail.MailDelivery;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The mail delivery queue: one row per voicemail and recipient. Several nodes may work one queue: a row is taken by
 * {@link #claim}, and an outcome is written only by the attempt that claimed the row.
 */
public interface MailQueueStore {
    void enqueue(Tx tx, MailDelivery delivery) throws SQLException;

    /** Queued rows due at {@code now}, oldest due first, at most {@code limit}: candidates for {@link #claim}. */
    List<MailDelivery> due(Tx tx, Instant now, int limit) throws SQLException;

    /**
     * Takes a due row for one attempt: counts the attempt and moves the row's due time to {@code leaseUntil}, in one
     * UPDATE that matches only while the row is queued and due. Returns the row as claimed (its attempt number is
     * the claim), or null when another node took it first.
     */
    MailDelivery claim(Tx tx, MailDelivery candidate, Instant now, Instant leaseUntil) throws SQLException;

    /** Marks the claimed attempt sent; false when the claim was lost (the row changed meanwhile). */
    boolean markSent(Tx tx, MailDelivery claimed, Instant at) throws SQLException;

    /** Queues the claimed row again for {@code nextAttemptAt} with the failure's reason. */
    boolean retryAt(Tx tx, MailDelivery claimed, Instant nextAttemptAt, String error) throws SQLException;

    /** Gives the claimed row up with the reason. */
    boolean markFailed(Tx tx, MailDelivery claimed, String error) throws SQLException;

    /** A message's deliveries, by id. */
    List<MailDelivery> ofVoicemail(Tx tx, String voicemailId) throws SQLException;

    /** Rows still queued (the queue's length). */
    long queued(Tx tx) throws SQLException;
}
