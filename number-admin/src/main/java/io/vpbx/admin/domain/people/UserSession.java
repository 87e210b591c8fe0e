package io.vpbx.admin.domain.people;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in session as stored: found by the hash of its cookie's token (the token itself is never stored). It ends
 * when idle for longer than the idle limit, at {@code expiresAt}, or when revoked.
 */
public record UserSession(String id, String tokenHash, String userId, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                          String sourceIp, String userAgent, Instant revokedAt) {

    public boolean liveAt(Instant now, Duration idle) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }
}
