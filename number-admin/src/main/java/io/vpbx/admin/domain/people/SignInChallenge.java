package io.vpbx.admin.domain.people;

import java.time.Instant;

/**
 * A sign-in whose password was right and whose code is awaited: the code's salted hash (as contact-phone codes,
 * {@code ContactCodes}), the wrong codes still allowed and the expiry. Used once.
 */
public record SignInChallenge(String id, String userId, String codeHash, String salt, int attemptsLeft, Instant expiresAt,
                              Instant createdAt, Instant usedAt) {

    public boolean openAt(Instant now) {
        return usedAt == null && attemptsLeft > 0 && now.isBefore(expiresAt);
    }
}
