package io.vpbx.admin.service.mail;

import io.vpbx.config.MailConfig;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends mail to the SMTP server of the {@code mail.*} settings through Jakarta Mail (Eclipse Angus): one connection
 * per mail, STARTTLS required, implicit TLS or plain as {@code mail.security} says (the server's certificate and
 * name are checked under TLS), with authentication when {@code mail.user} is set, and {@code mail.timeout} for
 * connecting, reading and writing.
 */
public final class SmtpMailSender implements MailSender {
    private final MailConfig config;
    private final Session session;
    private final String protocol;
    private final Clock clock;

    public SmtpMailSender(MailConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.protocol = config.security().equals("tls") ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(config, protocol));
    }

    static Properties properties(MailConfig config, String protocol) {
        String prefix = "mail." + protocol + ".";
        String timeout = Long.toString(config.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty(prefix + "host", config.host().orElseThrow(() -> new IllegalArgumentException("mail.host is empty")));
        p.setProperty(prefix + "port", Integer.toString(config.port()));
        p.setProperty(prefix + "connectiontimeout", timeout);
        p.setProperty(prefix + "timeout", timeout);
        p.setProperty(prefix + "writetimeout", timeout);
        p.setProperty(prefix + "auth", Boolean.toString(config.user().isPresent()));
        p.setProperty(prefix + "from", config.from());
        switch (config.security()) {
            case "starttls" -> {
                p.setProperty(prefix + "starttls.enable", "true");
                p.setProperty(prefix + "starttls.required", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case "tls" -> {
                p.setProperty(prefix + "ssl.enable", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            default -> { }
        }
        return p;
    }

    @Override
    public void send(OutgoingMail mail) throws MailFailure {
        try {
            MimeMessage message = message(mail);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(config.host().orElseThrow(), config.port(), config.user().orElse(null),
                        config.password().orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new MailFailure(describe(e), e);
        }
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(config.from(), true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        if (mail.attachment() == null) {
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.saveChanges();
            return message;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.body(), StandardCharsets.UTF_8.name());
        MimeBodyPart file = new MimeBodyPart();
        OutgoingMail.Attachment attachment = mail.attachment();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.contentType())));
        file.setFileName(attachment.fileName());
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, file));
        message.saveChanges();
        return message;
    }

    /** What went wrong, with the underlying cause (connection refused, a timeout) that Jakarta Mail wraps. */
    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause != e) {
            text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return text.toString();
    }
}
