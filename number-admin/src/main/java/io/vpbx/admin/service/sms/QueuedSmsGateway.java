package io.vpbx.admin.service.sms;

import io.vpbx.admin.domain.contact.SmsDelivery;
import io.vpbx.admin.service.Sealer;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.contacts.SmsGateway;
import io.vpbx.admin.store.SmsQueueStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The gateway of a real provider as the services see it: the message is queued, sealed, in the transaction of the change
 * it belongs to (a rolled-back change sends nothing) and the worker is nudged once that commits.
 */
public final class QueuedSmsGateway implements SmsGateway {
    private final SmsQueueStore queue;
    private final Sealer sealer;
    private final Clock clock;
    private final Runnable nudge;

    public QueuedSmsGateway(SmsQueueStore queue, Sealer sealer, Clock clock, Runnable nudge) {
        this.queue = queue;
        this.sealer = sealer;
        this.clock = clock;
        this.nudge = nudge;
    }

    @Override
    public void send(Tx tx, String toE164, String text) throws SQLException {
        queue.enqueue(tx, SmsDelivery.queued(toE164, sealer.seal(text), StoredTime.now(clock)));
        tx.afterCommit(nudge);
    }
}
