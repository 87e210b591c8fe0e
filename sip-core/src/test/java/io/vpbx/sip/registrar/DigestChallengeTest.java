package io.vpbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    @Test
    void rendersWwwAuthenticateValue() {
        DigestChallenge challenge = new DigestChallenge("pbx.example", "abc", "xyz", DigestAlgorithm.SHA_256, false);
        assertEquals("Digest realm=\"pbx.example\", nonce=\"abc\", opaque=\"xyz\", algorithm=SHA-256, qop=\"auth\"",
                challenge.toHeaderValue());
    }

    @Test
    void rendersStaleAndOmitsAbsentOpaque() {
        DigestChallenge challenge = new DigestChallenge("pbx.example", "abc", null, DigestAlgorithm.MD5, true);
        assertEquals("Digest realm=\"pbx.example\", nonce=\"abc\", algorithm=MD5, qop=\"auth\", stale=true",
                challenge.toHeaderValue());
    }

    @Test
    void escapesQuotesAndBackslashesInRealm() {
        DigestChallenge challenge = new DigestChallenge("a \"b\", c\\d", "n", null, DigestAlgorithm.MD5, false);
        String value = challenge.toHeaderValue();
        assertEquals("Digest realm=\"a \\\"b\\\", c\\\\d\", nonce=\"n\", algorithm=MD5, qop=\"auth\"", value);
    }
}
