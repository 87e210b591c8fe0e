package io.vpbx.admin.service.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Six-digit one-time codes, kept only as a hash salted with the request id and compared in constant time. */
public final class ConfirmationCodes {
    private final SecureRandom random;

    public ConfirmationCodes(SecureRandom random) {
        this.random = random;
    }

    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public String hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    public boolean matches(String salt, String code, String expectedHash) {
        if (code == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(salt, code.trim()).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
