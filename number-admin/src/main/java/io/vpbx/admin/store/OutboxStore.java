package io.vpbx.admin.store;

import io.vpbx.admin.domain.contact.OutboxMessage;
import java.sql.SQLException;
import java.util.List;

/** The development gateways' outboxes: SMS and email written instead of sent, read back newest first. */
public interface OutboxStore {
    void appendSms(Tx tx, OutboxMessage message) throws SQLException;

    void appendEmail(Tx tx, OutboxMessage message) throws SQLException;

    /** SMS to {@code toPhone} (null: to anyone), newest first, at most {@code limit}. */
    List<OutboxMessage> sms(Tx tx, String toPhone, int limit) throws SQLException;

    /** Email to {@code toAddress} (null: to anyone), newest first, at most {@code limit}. */
    List<OutboxMessage> email(Tx tx, String toAddress, int limit) throws SQLException;
}
