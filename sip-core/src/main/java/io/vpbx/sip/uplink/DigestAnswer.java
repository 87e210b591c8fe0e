package io.vpbx.sip.uplink;

import static io.vpbx.sip.registrar.DigestChallenge.quote;

import io.vpbx.sip.registrar.DigestAlgorithm;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers an operator's digest challenge as a client (RFC 3261 section 22.4, RFC 7616 for SHA-256, RFC 8760
 * for its use in SIP): pure, so that the response is checked against the RFCs' own examples.
 */
public final class DigestAnswer {
    private static final String QOP = "auth";

    private DigestAnswer() {
    }

    /**
     * The challenge to answer among several (an operator may offer SHA-256 and MD5): the strongest algorithm
     * we support, as RFC 8760 section 2.4 asks; empty when none is supported (e.g. only {@code -sess} or SHA-512-256).
     */
    public static Optional<DigestChallenge> preferred(List<DigestChallenge> challenges) {
        return challenges.stream()
                .filter(challenge -> DigestAlgorithm.fromWireName(challenge.algorithm()).isPresent())
                .max(Comparator.comparingInt(challenge -> DigestAlgorithm.fromWireName(challenge.algorithm()).get().ordinal()));
    }

    /**
     * The Authorization (or Proxy-Authorization) header value for {@code method} on {@code uri}.
     *
     * @param cnonce a fresh client nonce (used only with qop=auth)
     * @param nonceCount how many times this nonce has been answered, from 1
     * @throws IllegalArgumentException when the challenge's algorithm is not supported
     */
    public static String authorization(DigestChallenge challenge, String method, String uri, String login, String password,
                                       String cnonce, int nonceCount) {
        DigestAlgorithm algorithm = DigestAlgorithm.fromWireName(challenge.algorithm())
                .orElseThrow(() -> new IllegalArgumentException("unsupported digest algorithm " + challenge.algorithm()));
        String ha1 = algorithm.hash(login + ":" + challenge.realm() + ":" + password);
        String ha2 = algorithm.hash(method + ":" + uri);
        boolean qop = challenge.offersQopAuth();
        String nc = String.format("%08x", nonceCount);
        String response = qop
                ? algorithm.hash(ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":" + QOP + ":" + ha2)
                : algorithm.hash(ha1 + ":" + challenge.nonce() + ":" + ha2);
        StringBuilder value = new StringBuilder("Digest username=").append(quote(login))
                .append(", realm=").append(quote(challenge.realm()))
                .append(", nonce=").append(quote(challenge.nonce()))
                .append(", uri=").append(quote(uri))
                .append(", response=").append(quote(response))
                .append(", algorithm=").append(algorithm.wireName());
        if (challenge.opaque() != null) {
            value.append(", opaque=").append(quote(challenge.opaque()));
        }
        if (qop) {
            value.append(", qop=").append(QOP).append(", nc=").append(nc).append(", cnonce=").append(quote(cnonce));
        }
        return value.toString();
    }
}
