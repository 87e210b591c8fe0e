package io.vpbx.config;

import java.time.Duration;

/**
 * Behaviour shared by all API resources.
 *
 * @param idempotencyRetention how long an Idempotency-Key's outcome is kept for replay
 */
public record ApiConfig(Duration idempotencyRetention) {

    public ApiConfig {
        Checks.requirePositive(idempotencyRetention, "idempotency retention");
    }
}
