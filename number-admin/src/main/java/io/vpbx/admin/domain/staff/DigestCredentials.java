package io.vpbx.admin.domain.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An employee's SIP credentials as digest HA1 values, H(username ":" realm ":" password) in lower-case
 * hex: MD5 as in RFC 2617 section 3.2.2.2 and SHA-256 as in RFC 8760. The password itself is never
 * kept; these values let the registrar check a digest response and are useless under another realm.
 */
public record DigestCredentials(String ha1Md5, String ha1Sha256) {
    private static final HexFormat HEX = HexFormat.of();

    public DigestCredentials {
        requireHex(ha1Md5, 32, "HA1 MD5");
        requireHex(ha1Sha256, 64, "HA1 SHA-256");
    }

    /** Computes both HA1 values; {@code realm} is the one the registrar sends in its challenges. */
    public static DigestCredentials derive(String username, String realm, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(password, "password");
        byte[] a1 = (username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8);
        return new DigestCredentials(hash("MD5", a1), hash("SHA-256", a1));
    }

    private static String hash(String algorithm, byte[] input) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + algorithm, e);
        }
    }

    private static void requireHex(String value, int length, String what) {
        if (value == null || value.length() != length
                || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException(what + " must be " + length + " lower-case hex digits");
        }
    }

    /** Kept out of logs and exception messages: an HA1 is as good as the password for this realm. */
    @Override
    public String toString() {
        return "DigestCredentials[hidden]";
    }
}
