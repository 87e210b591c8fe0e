package io.vpbx.admin.service.mail;

import io.vpbx.admin.service.contacts.EmailGateway;
import io.vpbx.admin.store.Tx;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a short notice (an invitation) through the {@link MailSender} once the change it announces is committed, on a
 * thread of {@code executor} so that no request waits for the SMTP server. One attempt: a notice that fails is logged
 * and counted by the caller's audit trail only; the person asks for a new invitation (voicemail, which must arrive,
 * goes through the retrying queue instead).
 */
public final class AfterCommitEmailGateway implements EmailGateway {
    private static final Logger log = LoggerFactory.getLogger(AfterCommitEmailGateway.class);

    private final MailSender sender;
    private final Executor executor;

    public AfterCommitEmailGateway(MailSender sender, Executor executor) {
        this.sender = sender;
        this.executor = executor;
    }

    @Override
    public void send(Tx tx, String toAddress, String subject, String body) {
        tx.afterCommit(() -> executor.execute(() -> {
            try {
                sender.send(new OutgoingMail(toAddress, subject, body));
            } catch (MailFailure | RuntimeException e) {
                log.warn("mail \"{}\" to {} not sent: {}", subject, toAddress, e.getMessage());
            }
        }));
    }
}
