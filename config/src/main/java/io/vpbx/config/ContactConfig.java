package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;

/** One-time codes for contact-phone changes and whether the development SMS outbox is readable. */
public record ContactConfig(Duration codeTtl, int codeAttempts, boolean smsOutboxReadable) {
    public ContactConfig {
        Objects.requireNonNull(codeTtl, "contact.code-ttl");
        if (codeAttempts < 1) {
            throw new IllegalArgumentException("contact.code-attempts must be at least 1");
        }
    }
}
