package io.vpbx.sip.registrar;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials from an Authorization (or Proxy-Authorization) header value (RFC 7616 section 3.4).
 *
 * @param qop    {@code "auth"} or {@code null} for an RFC 2069 style response; then cnonce and nc are null
 * @param nc     the nonce count exactly as sent (8 hex digits), needed verbatim for the digest
 * @param opaque echoed opaque value or {@code null}
 */
public record DigestCredentials(
        String username,
        String realm,
        String nonce,
        String uri,
        String response,
        DigestAlgorithm algorithm,
        String cnonce,
        String nc,
        String qop,
        String opaque) {

    /** Longest header value accepted; real SIP clients send a few hundred characters. */
    public static final int MAX_HEADER_LENGTH = 4096;

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
        if (qop != null && (cnonce == null || nc == null)) {
            throw new IllegalArgumentException("qop requires cnonce and nc");
        }
    }

    /** The nonce count as a number, or 0 when no qop (and so no nc) was sent. */
    public long nonceCount() {
        return nc == null ? 0 : Long.parseLong(nc, 16);
    }

    /** Parses a header value; never throws, whatever the input. */
    public static DigestParseResult parse(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return new DigestParseResult.Malformed("empty header");
        }
        if (headerValue.length() > MAX_HEADER_LENGTH) {
            return new DigestParseResult.Malformed("header longer than " + MAX_HEADER_LENGTH);
        }
        Map<String, String> params;
        try {
            params = new DigestParamsParser(headerValue).parse();
        } catch (DigestParamsParser.SyntaxException e) {
            return new DigestParseResult.Malformed(e.getMessage());
        }
        return fromParams(params);
    }

    private static DigestParseResult fromParams(Map<String, String> params) {
        for (String required : new String[] {"username", "realm", "nonce", "uri", "response"}) {
            if (params.get(required) == null || params.get(required).isEmpty()) {
                return new DigestParseResult.Malformed("missing " + required);
            }
        }
        String algorithmName = params.get("algorithm");
        Optional<DigestAlgorithm> algorithm = algorithmName == null
                ? Optional.of(DigestAlgorithm.MD5) // RFC 7616 section 3.3: absent means MD5
                : DigestAlgorithm.fromWireName(algorithmName);
        if (algorithm.isEmpty()) {
            return new DigestParseResult.Malformed("unsupported algorithm");
        }
        String response = params.get("response");
        if (response.length() != algorithm.get().hexLength() || !isHex(response)) {
            return new DigestParseResult.Malformed("response is not a hex digest");
        }
        String qop = params.get("qop");
        String cnonce = params.get("cnonce");
        String nc = params.get("nc");
        if (qop == null) {
            cnonce = null;
            nc = null;
        } else if (!DigestChallenge.QOP_AUTH.equalsIgnoreCase(qop)) {
            return new DigestParseResult.Malformed("unsupported qop");
        } else if (cnonce == null || cnonce.isEmpty()) {
            return new DigestParseResult.Malformed("qop without cnonce");
        } else if (nc == null || nc.length() != 8 || !isHex(nc)) {
            return new DigestParseResult.Malformed("nc is not 8 hex digits");
        } else {
            qop = DigestChallenge.QOP_AUTH;
        }
        return new DigestParseResult.Parsed(new DigestCredentials(
                params.get("username"), params.get("realm"), params.get("nonce"), params.get("uri"),
                response.toLowerCase(Locale.ROOT), algorithm.get(), cnonce, nc, qop, params.get("opaque")));
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!hex) {
                return false;
            }
        }
        return true;
    }
}
