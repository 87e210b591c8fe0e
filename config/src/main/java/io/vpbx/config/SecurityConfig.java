package io.vpbx.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Operator credentials, and where accounts may send vpbx. {@link #toString()} never shows the key.
 *
 * @param operatorKey the operator API key, or empty to generate one on first start
 * @param allowedPrivateTargets private, loopback, link-local or other reserved ranges that hosts and URIs given by
 *                              accounts may still resolve into (a lab, a PBX on the operator's own network); empty
 *                              means none
 */
public record SecurityConfig(Optional<String> operatorKey, List<AddressRange> allowedPrivateTargets) {

    public static final int MIN_OPERATOR_KEY_LENGTH = 24;

    /** No private target allowed. */
    public SecurityConfig(Optional<String> operatorKey) {
        this(operatorKey, List.of());
    }

    public SecurityConfig {
        Objects.requireNonNull(operatorKey, "operatorKey");
        allowedPrivateTargets = List.copyOf(allowedPrivateTargets);
        operatorKey.filter(key -> key.length() < MIN_OPERATOR_KEY_LENGTH).ifPresent(key -> {
            throw new IllegalArgumentException("operator key must have at least " + MIN_OPERATOR_KEY_LENGTH
                    + " characters");
        });
    }

    @Override
    public String toString() {
        return "SecurityConfig[operatorKey=" + operatorKey.map(SecretMask::secret).orElse("<generate on first start>")
                + ", allowedPrivateTargets=" + allowedPrivateTargets + "]";
    }
}
