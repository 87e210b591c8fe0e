package io.vpbx.config;

import java.time.Duration;

/**
 * Behaviour shared by all API resources.
 *
 * @param idempotencyRetention how long an Idempotency-Key's outcome is kept for replay
 * @param maxJsonBodyBytes largest JSON request body; the CSV import alone may send up to admin.max-body-bytes
 * @param maxJsonArrayItems most items any array in a JSON body may hold
 * @param maxJsonDepth deepest nesting of objects and arrays in a JSON body
 */
public record ApiConfig(Duration idempotencyRetention, long maxJsonBodyBytes, int maxJsonArrayItems, int maxJsonDepth) {

    public static final long MIN_JSON_BODY_BYTES = 1024;
    public static final int MIN_JSON_DEPTH = 4;
    public static final int MAX_JSON_DEPTH = 200;

    public ApiConfig {
        Checks.requirePositive(idempotencyRetention, "idempotency retention");
        Checks.requireAtLeast(maxJsonBodyBytes, MIN_JSON_BODY_BYTES, "api max JSON body bytes");
        Checks.requireAtLeast(maxJsonArrayItems, 1, "api max JSON array items");
        Checks.requireBetween(maxJsonDepth, MIN_JSON_DEPTH, MAX_JSON_DEPTH, "api max JSON depth");
    }
}
