package io.vpbx.config;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The certificate vpbx presents on its TLS listeners (SIP and the admin API alike) and how it trusts the
 * peers it calls over TLS.
 *
 * @param certificate         PEM file with the certificate chain, leaf first; empty when no TLS listener is on
 * @param privateKey          PEM file with the unencrypted PKCS#8 private key of the leaf certificate
 * @param trustedCertificates PEM file with CA certificates trusted besides the JDK's trust store, for peers
 *                            whose certificates a private CA issued
 * @param pinnedCertificates  SHA-256 fingerprints (64 hex digits, lower case) of peer certificates accepted
 *                            whatever their chain and name: self-signed carrier and PBX certificates
 */
public record TlsConfig(Optional<Path> certificate, Optional<Path> privateKey, Optional<Path> trustedCertificates,
        List<String> pinnedCertificates) {

    private static final int SHA256_HEX_DIGITS = 64;
    /** Completes "expected ..." for {@code tls.pinned-certificates}. */
    static final String FINGERPRINTS = "empty or SHA-256 fingerprints (64 hex digits, colons allowed) separated by commas";

    /** No certificate, the JDK's trust store alone, nothing pinned. */
    public static final TlsConfig NONE = new TlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public TlsConfig {
        Objects.requireNonNull(certificate, "tls.certificate");
        Objects.requireNonNull(privateKey, "tls.private-key");
        Objects.requireNonNull(trustedCertificates, "tls.trusted-certificates");
        pinnedCertificates = List.copyOf(pinnedCertificates);
        if (certificate.isPresent() != privateKey.isPresent()) {
            throw new IllegalArgumentException("tls.certificate and tls.private-key must be set together");
        }
        for (String pin : pinnedCertificates) {
            if (!isFingerprint(pin) || !pin.equals(pin.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("tls.pinned-certificates must hold " + FINGERPRINTS + " in lower case but has '" + pin + "'");
            }
        }
    }

    /** Whether vpbx has a certificate to present. */
    public boolean hasCertificate() {
        return certificate.isPresent();
    }

    /** The fingerprint as 64 lower-case hex digits, or empty when {@code text} is none. */
    static Optional<String> fingerprint(String text) {
        String digits = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
        return isFingerprint(digits) ? Optional.of(digits) : Optional.empty();
    }

    private static boolean isFingerprint(String digits) {
        return digits.length() == SHA256_HEX_DIGITS && digits.chars().allMatch(HexFormat::isHexDigit);
    }
}
