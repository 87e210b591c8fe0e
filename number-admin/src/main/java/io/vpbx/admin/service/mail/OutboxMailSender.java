package io.vpbx.admin.service.mail;

import io.vpbx.admin.domain.contact.OutboxMessage;
import io.vpbx.admin.store.OutboxStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;

/**
 * The development mail sender (mail.host empty): each mail becomes a row of the email_outbox, which the operator
 * reads at /v1/dev/email-outbox. The attachment is kept as its name and size only; the recording stays with the
 * voicemail.
 */
public final class OutboxMailSender implements MailSender {
    private final Transactions transactions;
    private final OutboxStore outbox;
    private final Clock clock;

    public OutboxMailSender(Transactions transactions, OutboxStore outbox, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) {
        OutgoingMail.Attachment file = mail.attachment();
        transactions.inTransaction(tx -> {
            outbox.appendEmail(tx, new OutboxMessage(0, mail.to(), mail.subject(), mail.body(), clock.instant(),
                    file == null ? null : file.fileName(), file == null ? null : (long) file.bytes().length));
            return null;
        });
    }
}
