package io.vpbx.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Digest hash algorithms the registrar offers (RFC 7616 section 6.1, RFC 8760 for SIP).
 * {@code -sess} variants are not offered, so they are not accepted either.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String wireName;
    private final String jcaName;
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(this::create);

    DigestAlgorithm(String wireName, String jcaName) {
        this.wireName = wireName;
        this.jcaName = jcaName;
    }

    /** The name as it appears in the {@code algorithm} parameter. */
    public String wireName() {
        return wireName;
    }

    /** Algorithm token comparison is case-insensitive (RFC 7616 section 3.3). */
    public static Optional<DigestAlgorithm> fromWireName(String name) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.wireName.equalsIgnoreCase(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** H(data): the lowercase hex digest of the UTF-8 bytes of {@code data}. */
    public String hash(String data) {
        return HexFormat.of().formatHex(newDigest().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Length in characters of a lowercase hex digest for this algorithm. */
    public int hexLength() {
        return newDigest().getDigestLength() * 2;
    }

    /** A digest of this algorithm, reset; kept per thread because a provider lookup costs more than the hash. */
    private MessageDigest newDigest() {
        MessageDigest digest = digests.get();
        digest.reset();
        return digest;
    }

    private MessageDigest create() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 and SHA-256 (java.security.MessageDigest javadoc).
            throw new IllegalStateException("JCA provider lacks " + jcaName, e);
        }
    }
}
