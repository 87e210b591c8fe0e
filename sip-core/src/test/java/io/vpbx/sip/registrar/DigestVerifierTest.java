package io.vpbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigestVerifierTest {

    private final DigestVerifier verifier = new DigestVerifier();

    @Test
    void rfc2617Section35Md5Example() {
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        String response = DigestVerifier.response(DigestAlgorithm.MD5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "00000001", "0a4f113b", "auth", "GET", "/dir/index.html");
        assertEquals("6629fae49393a05397450978507c4ef1", response);
    }

    @Test
    void rfc7616Section391Sha256Example() {
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org", "Circle of Life");
        String response = DigestVerifier.response(DigestAlgorithm.SHA_256, ha1,
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", "GET", "/dir/index.html");
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response);
    }

    @Test
    void withoutQopResponseIsHashOfHa1NonceAndHa2() {
        DigestAlgorithm md5 = DigestAlgorithm.MD5;
        String ha1 = DigestVerifier.ha1(md5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("939e7578ed9e3c518a452acee763bce9", ha1);
        String ha2 = md5.hash("GET:/dir/index.html");
        String response = DigestVerifier.response(md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                null, null, null, "GET", "/dir/index.html");
        assertEquals(md5.hash(ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:" + ha2), response);
    }

    @Test
    void verifiesParsedRfc2617AuthorizationAndRejectsOtherMethodOrHa1() {
        DigestCredentials credentials = parsed("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, "
                + "nc=00000001, cnonce=\"0a4f113b\", response=\"6629FAE49393A05397450978507C4EF1\", "
                + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        String otherHa1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "circle of life");

        assertTrue(verifier.verify(credentials, ha1, "GET"));
        assertFalse(verifier.verify(credentials, ha1, "REGISTER"));
        assertFalse(verifier.verify(credentials, otherHa1, "GET"));
    }

    static DigestCredentials parsed(String header) {
        DigestParseResult result = DigestCredentials.parse(header);
        assertTrue(result instanceof DigestParseResult.Parsed, () -> "not parsed: " + result);
        return ((DigestParseResult.Parsed) result).credentials();
    }
}
