package io.vpbx.admin.service.events;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.service.Sealer;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets: generated ({@code whsec_} and 32 random bytes) or given, shown once, and kept sealed with the key
 * ring that seals identity documents and line passwords (vpbx must sign with it, so it is reversible, never plain).
 */
public final class WebhookSecrets {
    static final int MIN_GIVEN = 16;
    static final int MAX_GIVEN = 200;
    private static final String PREFIX = "whsec_";

    private final Sealer sealer;
    private final SecureRandom random;

    public WebhookSecrets(Sealer sealer, SecureRandom random) {
        this.sealer = sealer;
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
        return sealer.seal(secret);
    }

    public String open(String sealed) {
        return sealer.open(sealed);
    }
}
