package io.vpbx.admin.domain.contact;

import java.time.Instant;

/** A message a development gateway kept instead of sending: {@code subject} is null for an SMS. */
public record OutboxMessage(long id, String to, String subject, String body, Instant createdAt) {
}
