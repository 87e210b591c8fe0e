package io.vpbx.admin.domain.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one-time codes of a contact-phone change: six random digits each, kept only as a salted SHA-256
 * whose input also names the phone the code went to, so that the old phone's code never passes for the
 * new phone's. Comparison takes the same time whatever digits differ.
 */
public final class ContactCodes {
    public static final int DIGITS = 6;
    private static final int BOUND = 1_000_000;
    private static final int SALT_BYTES = 16;

    /** Which phone a code was sent to. */
    public enum Target {
        OLD_PHONE("old"),
        NEW_PHONE("new");

        private final String label;

        Target(String label) {
            this.label = label;
        }
    }

    private final SecureRandom random;

    public ContactCodes(SecureRandom random) {
        this.random = random;
    }

    /** Six digits, leading zeros kept. */
    public String newCode() {
        return String.format("%06d", random.nextInt(BOUND));
    }

    /** 128 random bits, hex. */
    public String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    public static String hash(String salt, Target target, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((salt + ":" + target.label + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code code} is the one whose hash is {@code expectedHash}; false for a missing code or hash. */
    public static boolean matches(String salt, Target target, String code, String expectedHash) {
        if (code == null || expectedHash == null) {
            return false;
        }
        byte[] actual = hash(salt, target, code).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Exactly six ASCII digits. */
    public static boolean wellFormed(String code) {
        return code != null && code.length() == DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
