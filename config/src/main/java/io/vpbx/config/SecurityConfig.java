package io.vpbx.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Operator credentials. {@link #toString()} never shows the key.
 *
 * @param operatorKey the operator API key, or empty to generate one on first start
 */
public record SecurityConfig(Optional<String> operatorKey) {

    public static final int MIN_OPERATOR_KEY_LENGTH = 24;

    public SecurityConfig {
        Objects.requireNonNull(operatorKey, "operatorKey");
        operatorKey.filter(key -> key.length() < MIN_OPERATOR_KEY_LENGTH).ifPresent(key -> {
            throw new IllegalArgumentException("operator key must have at least " + MIN_OPERATOR_KEY_LENGTH
                    + " characters");
        });
    }

    @Override
    public String toString() {
        return "SecurityConfig[operatorKey=" + operatorKey.map(SecretMask::secret).orElse("<generate on first start>")
                + "]";
    }
}
