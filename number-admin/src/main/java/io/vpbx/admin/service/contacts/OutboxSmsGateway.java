package io.vpbx.admin.service.contacts;

import io.vpbx.admin.domain.contact.OutboxMessage;
import io.vpbx.admin.store.OutboxStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;

/** The development SMS gateway: every message goes to the sms_outbox table, readable through the operator API. */
public final class OutboxSmsGateway implements SmsGateway {
    private final OutboxStore outbox;
    private final Clock clock;

    public OutboxSmsGateway(OutboxStore outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void send(Tx tx, String toE164, String text) throws SQLException {
        outbox.appendSms(tx, new OutboxMessage(0, toE164, null, text, clock.instant()));
    }
}
