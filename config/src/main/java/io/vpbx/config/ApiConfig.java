package io.vpbx.config;

import java.time.Duration;

/**
 * Behaviour shared by all API resources.
 *
 * @param idempotencyRetention how long an Idempotency-Key's outcome is kept for replay
 * @param authFailureLimit     failed authentications from one source address within {@code authFailureWindow}
 *                             after which that address gets 429 until the window ends
 * @param authFailureWindow    the window those failures are counted in, from the first
 * @param keyRecheckInterval   how long a node trusts an API key it has read before reading it again: the longest a
 *                             key revoked through another node keeps working on this one
 */
public record ApiConfig(Duration idempotencyRetention, int authFailureLimit, Duration authFailureWindow,
                        Duration keyRecheckInterval) {

    public ApiConfig {
        Checks.requirePositive(idempotencyRetention, "idempotency retention");
        Checks.requireAtLeast(authFailureLimit, 1, "api.auth-failures.limit");
        Checks.requirePositive(authFailureWindow, "api.auth-failures.window");
        Checks.requirePositive(keyRecheckInterval, "api.key-recheck-interval");
    }

    /** The defaults, with the given retention (tests of other settings). */
    public ApiConfig(Duration idempotencyRetention) {
        this(idempotencyRetention, 20, Duration.ofMinutes(1), Duration.ofSeconds(30));
    }
}
