package io.vpbx.admin.domain.contact;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message a development gateway kept instead of sending: {@code subject} is null for an SMS. */
public record OutboxMessage(long id, String to, String subject, String body, Instant createdAt) {
    /** How every code message begins: the contact-phone codes ({@link ContactNotices}) and the binding confirmation. */
    private static final Pattern CODE = Pattern.compile("^vpbx: code (\\d{6}) ");

    /** The one-time code the message carries, for development tools that read the outbox; empty for notices. */
    public Optional<String> code() {
        Matcher matcher = CODE.matcher(body == null ? "" : body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
