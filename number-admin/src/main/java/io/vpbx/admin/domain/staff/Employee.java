package io.vpbx.admin.domain.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * A person of an account who answers calls: reached by a short {@code extension} inside the account,
 * registers over SIP as {@code sipUsername}, and may have an external {@code mobile} (E.164, or null) and an
 * {@code email} (where voicemails for them go, or null).
 */
public record Employee(String id, String accountId, String name, String extension, String sipUsername,
                       DigestCredentials credentials, String mobile, String email, Instant createdAt, Instant updatedAt) {
    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(sipUsername, "sipUsername");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** An employee without an e-mail address. */
    public Employee(String id, String accountId, String name, String extension, String sipUsername,
                    DigestCredentials credentials, String mobile, Instant createdAt, Instant updatedAt) {
        this(id, accountId, name, extension, sipUsername, credentials, mobile, null, createdAt, updatedAt);
    }
}
