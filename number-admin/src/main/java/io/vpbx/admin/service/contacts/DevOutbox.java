package io.vpbx.admin.service.contacts;

import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.contact.OutboxMessage;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.OutboxStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;

/**
 * Reading the development gateways' outboxes: the operator only, and only when
 * {@code contact.sms-outbox-readable} is on; otherwise the outboxes do not exist as far as the API tells.
 */
public final class DevOutbox {
    private final Transactions transactions;
    private final OutboxStore outbox;
    private final boolean readable;

    public DevOutbox(Transactions transactions, OutboxStore outbox, boolean readable) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.readable = readable;
    }

    public List<OutboxMessage> sms(RequestContext ctx, String toPhone, int limit) {
        requireReadable(ctx, "SMS outbox");
        return transactions.inTransaction(tx -> outbox.sms(tx, toPhone, limit));
    }

    public List<OutboxMessage> email(RequestContext ctx, String toAddress, int limit) {
        requireReadable(ctx, "email outbox");
        return transactions.inTransaction(tx -> outbox.email(tx, toAddress, limit));
    }

    private void requireReadable(RequestContext ctx, String what) {
        if (!readable) {
            throw new NotFoundException("the development " + what);
        }
        ctx.requireOperator();
    }
}
