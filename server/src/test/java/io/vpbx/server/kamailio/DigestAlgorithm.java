package io.vpbx.server.kamailio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digest algorithms the operator's Kamailio can challenge with (auth module parameter "algorithm", RFC 8760). */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String sipName;
    private final String javaName;

    DigestAlgorithm(String sipName, String javaName) {
        this.sipName = sipName;
        this.javaName = javaName;
    }

    /** The name in a challenge's {@code algorithm=} parameter. */
    public String sipName() {
        return sipName;
    }

    /** The lower-case hex hash of {@code text}, as digest authentication (RFC 2617, RFC 8760) computes it. */
    public String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(javaName).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(javaName + " is missing from this JDK", e);
        }
    }
}
