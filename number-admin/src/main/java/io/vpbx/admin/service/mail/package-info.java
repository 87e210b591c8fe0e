/**
 * Sending e-mail: one mail with one attachment to one recipient (OutgoingMail) through a MailSender, which is SMTP
 * (SmtpMailSender, Jakarta Mail) or, in development, the outbox table the operator reads (OutboxMailSender).
 */
package io.vpbx.admin.service.mail;
