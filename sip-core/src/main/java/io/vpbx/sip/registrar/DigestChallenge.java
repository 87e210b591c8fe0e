package io.vpbx.sip.registrar;

import io.vpbx.telephony.grammar.SipGrammar;
import java.util.Objects;

/**
 * One digest challenge, rendered as the value of a WWW-Authenticate (or Proxy-Authenticate)
 * header (RFC 7616 section 3.3). The registrar always offers {@code qop="auth"}.
 *
 * @param realm     protection space, usually the SIP domain
 * @param nonce     server nonce from {@link NonceService}
 * @param opaque    optional opaque value, or {@code null} to leave it out
 * @param algorithm hash algorithm for this challenge
 * @param stale     true when the previous request carried a valid digest for an expired nonce
 */
public record DigestChallenge(String realm, String nonce, String opaque, DigestAlgorithm algorithm, boolean stale) {

    public static final String QOP_AUTH = "auth";

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The header value, e.g. {@code Digest realm="a.example", nonce="...", algorithm=SHA-256, qop="auth"}. */
    public String toHeaderValue() {
        StringBuilder value = new StringBuilder("Digest ");
        value.append("realm=").append(quote(realm));
        value.append(", nonce=").append(quote(nonce));
        if (opaque != null) {
            value.append(", opaque=").append(quote(opaque));
        }
        value.append(", algorithm=").append(algorithm.wireName());
        value.append(", qop=").append(quote(QOP_AUTH));
        if (stale) {
            value.append(", stale=true");
        }
        return value.toString();
    }

    /**
     * A quoted-string (RFC 3261 section 25.1): quotes and backslashes escaped, control characters left out (no
     * quoted-pair may carry CR or LF), so that no value can end the string or the header.
     */
    public static String quote(String text) {
        return '"' + SipGrammar.quotedContent(text) + '"';
    }
}
