package io.vpbx.admin.domain.account;

import java.time.Instant;

/**
 * An API key as vpbx keeps it: never the secret, only what identifies and limits it. {@code accountId} is null
 * for the operator's keys. A key works while it is neither revoked nor past {@code expiresAt}.
 */
public record StoredApiKey(String id, String accountId, Role role, String name, String prefix, Instant createdAt,
                           Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public Principal principal() {
        return role == Role.OPERATOR ? Principal.operator(id) : Principal.account(accountId, id);
    }
}
