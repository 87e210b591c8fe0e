package io.vpbx.config;

import java.time.Duration;

/**
 * Behaviour shared by all API resources.
 *
 * @param idempotencyRetention how long an Idempotency-Key's outcome is kept for replay
 * @param maxJsonBodyBytes     largest JSON request body; the CSV import alone may send up to admin.max-body-bytes
 * @param maxJsonArrayItems    most items any array in a JSON body may hold
 * @param maxJsonDepth         deepest nesting of objects and arrays in a JSON body
 * @param authFailureLimit     failed authentications from one source address within {@code authFailureWindow}
 *                             after which that address gets 429 until the window ends
 * @param authFailureWindow    the window those failures are counted in, from the first
 * @param keyRecheckInterval   how long a node trusts an API key it has read before reading it again: the longest a
 *                             key revoked through another node keeps working on this one
 */
public record ApiConfig(Duration idempotencyRetention, long maxJsonBodyBytes, int maxJsonArrayItems, int maxJsonDepth,
                        int authFailureLimit, Duration authFailureWindow, Duration keyRecheckInterval) {

    public static final long MIN_JSON_BODY_BYTES = 1024;
    public static final int MIN_JSON_DEPTH = 4;
    public static final int MAX_JSON_DEPTH = 200;

    public ApiConfig {
        Checks.requirePositive(idempotencyRetention, "idempotency retention");
        Checks.requireAtLeast(maxJsonBodyBytes, MIN_JSON_BODY_BYTES, "api max JSON body bytes");
        Checks.requireAtLeast(maxJsonArrayItems, 1, "api max JSON array items");
        Checks.requireBetween(maxJsonDepth, MIN_JSON_DEPTH, MAX_JSON_DEPTH, "api max JSON depth");
        Checks.requireAtLeast(authFailureLimit, 1, "api.auth-failures.limit");
        Checks.requirePositive(authFailureWindow, "api.auth-failures.window");
        Checks.requirePositive(keyRecheckInterval, "api.key-recheck-interval");
    }

    /** The JSON limits given, the authentication settings at their defaults (tests of other settings). */
    public ApiConfig(Duration idempotencyRetention, long maxJsonBodyBytes, int maxJsonArrayItems, int maxJsonDepth) {
        this(idempotencyRetention, maxJsonBodyBytes, maxJsonArrayItems, maxJsonDepth, 20, Duration.ofMinutes(1),
                Duration.ofSeconds(30));
    }
}
