package io.vpbx.admin.domain.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random secrets of sign-in: session tokens (the cookie), invitation tokens (the link) and their hashes. Each
 * is 256 random bits, so SHA-256 stores it safely (as API keys, ADR 0002). A session's CSRF token is derived from
 * its session token rather than stored: whoever holds the cookie's value can compute it, a page of another site
 * cannot read the cookie, and the database holds neither (ADR 0030).
 */
public final class SessionSecrets {
    private final SecureRandom random;

    public SessionSecrets(SecureRandom random) {
        this.random = random;
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a token: SHA-256, hex. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256("token:" + token));
    }

    /** The CSRF token of the session whose cookie holds {@code sessionToken}. */
    public static String csrfToken(String sessionToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("csrf:" + sessionToken));
    }

    /** Whether {@code given} is the CSRF token of {@code sessionToken}, in time independent of where they differ. */
    public static boolean csrfMatches(String sessionToken, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken(sessionToken).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a cookie or link could hold a token at all (bounded before hashing). */
    public static boolean plausible(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
