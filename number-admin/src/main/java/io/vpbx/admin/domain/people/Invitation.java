package io.vpbx.admin.domain.people;

import java.time.Instant;

/** An invitation link as stored: the hash of its token, whom it invites, until when, and whether it was used. */
public record Invitation(String tokenHash, String userId, Instant createdAt, Instant expiresAt, Instant acceptedAt) {

    public boolean usableAt(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }
}
