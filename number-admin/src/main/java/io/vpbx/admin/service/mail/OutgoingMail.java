package io.vpbx.admin.service.mail;

import java.util.Objects;

/** One e-mail to one recipient, in plain text, with one attachment. */
public record OutgoingMail(String to, String subject, String body, Attachment attachment) {

    /** A file sent with the mail: its name, MIME type and bytes. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachment, "attachment");
    }
}
