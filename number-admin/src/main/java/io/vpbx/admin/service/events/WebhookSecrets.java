package io.vpbx.admin.service.events;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Signing secrets: generated ({@code whsec_} and 32 random bytes) or given, shown once, and kept sealed with the key
 * ring that seals identity documents and line passwords (vpbx must sign with it, so it is reversible, never plain).
 */
public final class WebhookSecrets {
    static final int MIN_GIVEN = 16;
    static final int MAX_GIVEN = 200;
    private static final String PREFIX = "whsec_";

    private final Supplier<KeyRing> keyRing;
    private final SecureRandom random;

    public WebhookSecrets(Supplier<KeyRing> keyRing, SecureRandom random) {
        this.keyRing = keyRing;
        this.random = random;
    }

    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A secret the account gave, checked: printable ASCII of a length that resists guessing. */
    public static String given(String field, String secret) {
        if (secret.length() < MIN_GIVEN || secret.length() > MAX_GIVEN) {
            throw new InvalidFieldException(field, "must be " + MIN_GIVEN + ".." + MAX_GIVEN + " characters");
        }
        if (!secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidFieldException(field, "must be printable ASCII without spaces");
        }
        return secret;
    }

    public String seal(String secret) {
        return new DocumentCipher(keyRing.get(), random).seal(secret);
    }

    public String open(String sealed) {
        return new DocumentCipher(keyRing.get(), random).open(sealed);
    }
}
