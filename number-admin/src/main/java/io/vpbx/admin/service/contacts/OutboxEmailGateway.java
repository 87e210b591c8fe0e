package io.vpbx.admin.service.contacts;

import io.vpbx.admin.domain.contact.OutboxMessage;
import io.vpbx.admin.store.OutboxStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;

/** The development email gateway: every message goes to the email_outbox table. */
public final class OutboxEmailGateway implements EmailGateway {
    private final OutboxStore outbox;
    private final Clock clock;

    public OutboxEmailGateway(OutboxStore outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void send(Tx tx, String toAddress, String subject, String body) throws SQLException {
        outbox.appendEmail(tx, new OutboxMessage(0, toAddress, subject, body, clock.instant()));
    }
}
