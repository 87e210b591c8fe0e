package io.vpbx.admin.service.contacts;

import io.vpbx.admin.store.Tx;
import java.sql.SQLException;

/** Sends email, in the transaction of the change it announces (see {@link SmsGateway}). */
@FunctionalInterface
public interface EmailGateway {
    void send(Tx tx, String toAddress, String subject, String body) throws SQLException;
}
