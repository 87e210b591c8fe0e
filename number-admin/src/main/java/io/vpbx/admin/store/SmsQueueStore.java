package io.vpbx.admin.store;

import io.vpbx.admin.domain.contact.SmsDelivery;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The SMS queue, shared by nodes as the mail queue is ({@link MailQueueStore}): claims and guarded outcomes. */
public interface SmsQueueStore {
    void enqueue(Tx tx, SmsDelivery delivery) throws SQLException;

    List<SmsDelivery> due(Tx tx, Instant now, int limit) throws SQLException;

    SmsDelivery claim(Tx tx, SmsDelivery candidate, Instant now, Instant leaseUntil) throws SQLException;

    boolean markSent(Tx tx, SmsDelivery claimed, Instant at) throws SQLException;

    boolean retryAt(Tx tx, SmsDelivery claimed, Instant next, String error) throws SQLException;

    boolean markFailed(Tx tx, SmsDelivery claimed, String error) throws SQLException;

    /** Every row, oldest first (tests and the operator's eyes). */
    List<SmsDelivery> all(Tx tx, int limit) throws SQLException;
}
