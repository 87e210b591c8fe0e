package io.vpbx.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks a digest response against a stored HA1 (RFC 7616 section 3.4.1, RFC 2617 section 3.2.2).
 * The server keeps HA1 = H(username ":" realm ":" password), never the password. Stateless.
 */
public final class DigestVerifier {

    /** HA1 = H(username:realm:password); used when provisioning credentials. */
    public static String ha1(DigestAlgorithm algorithm, String username, String realm, String password) {
        return algorithm.hash(username + ":" + realm + ":" + password);
    }

    /**
     * The expected response: H(HA1:nonce:nc:cnonce:qop:HA2) with qop, H(HA1:nonce:HA2) without,
     * where HA2 = H(method:uri).
     */
    public static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc,
                                  String cnonce, String qop, String method, String uri) {
        String ha2 = algorithm.hash(method + ":" + uri);
        if (qop == null) {
            return algorithm.hash(ha1 + ":" + nonce + ":" + ha2);
        }
        return algorithm.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /**
     * True when {@code credentials.response()} is the digest of {@code method} and the credentials'
     * digest-uri under {@code ha1}; the comparison takes the same time wherever the digests differ.
     */
    public boolean verify(DigestCredentials credentials, String ha1, String method) {
        String expected = response(credentials.algorithm(), ha1, credentials.nonce(), credentials.nc(),
                credentials.cnonce(), credentials.qop(), method, credentials.uri());
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().getBytes(StandardCharsets.US_ASCII));
    }
}
