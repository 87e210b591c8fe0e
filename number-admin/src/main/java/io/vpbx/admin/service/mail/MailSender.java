package io.vpbx.admin.service.mail;

/**
 * Sends one mail, blocking until the server accepted it (or it is written to the development outbox). Called on a
 * virtual thread of the delivery worker, never on an event loop.
 */
@FunctionalInterface
public interface MailSender {
    void send(OutgoingMail mail) throws MailFailure;
}
