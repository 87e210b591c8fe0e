package io.vpbx.admin.domain.contact;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message a development gateway kept instead of sending: {@code subject} is null for an SMS. A mail that carried
 * an attachment (a voicemail's recording) keeps its file name and size in bytes; both are null otherwise.
 */
public record OutboxMessage(long id, String to, String subject, String body, Instant createdAt, String attachmentName,
                            Long attachmentSize) {
    /** How every code message begins: the contact-phone codes ({@link ContactNotices}) and the binding confirmation. */
    private static final Pattern CODE = Pattern.compile("^vpbx: code (\\d{6}) ");

    /** A message without an attachment. */
    public OutboxMessage(long id, String to, String subject, String body, Instant createdAt) {
        this(id, to, subject, body, createdAt, null, null);
    }

    /** The one-time code the message carries, for development tools that read the outbox; empty for notices. */
    public Optional<String> code() {
        Matcher matcher = CODE.matcher(body == null ? "" : body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
