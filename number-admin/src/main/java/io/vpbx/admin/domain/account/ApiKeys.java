package io.vpbx.admin.domain.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Makes and hashes API keys. A key is 256 random bits, so SHA-256 is enough to store it safely: a slow
 * password hash protects low-entropy secrets and would only cost latency on every request here.
 */
public final class ApiKeys {
    private static final String PREFIX = "vpbx_";
    private final SecureRandom random;

    public ApiKeys(SecureRandom random) {
        this.random = random;
    }

    public ApiKey generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return fromSecret(secret);
    }

    /** A key whose secret is given (the operator key from configuration). */
    public ApiKey fromSecret(String secret) {
        String hash = hash(secret);
        return new ApiKey(UUID.nameUUIDFromBytes(hash.getBytes(StandardCharsets.US_ASCII)).toString(), secret, hash,
                secret.substring(0, Math.min(secret.length(), 12)));
    }

    public static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
