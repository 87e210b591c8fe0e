package io.vpbx.admin.service.contacts;

import io.vpbx.admin.store.Tx;
import java.sql.SQLException;

/**
 * Sends text messages to phones. It takes the transaction of the change the message belongs to, so that
 * a change rolled back sends nothing: the development gateway writes an outbox row in it; a real one
 * queues the same way and delivers after commit.
 */
@FunctionalInterface
public interface SmsGateway {
    void send(Tx tx, String toE164, String text) throws SQLException;
}
