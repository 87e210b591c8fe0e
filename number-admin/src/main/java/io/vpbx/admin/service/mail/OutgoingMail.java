package io.vpbx.admin.service.mail;

import java.util.Objects;

/** One e-mail to one recipient, in plain text, with one attachment or (an invitation) none. */
public record OutgoingMail(String to, String subject, String body, Attachment attachment) {

    /** A file sent with the mail: its name, MIME type and bytes. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** A mail of text only. */
    public OutgoingMail(String to, String subject, String body) {
        this(to, subject, body, null);
    }

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
