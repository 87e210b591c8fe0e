package io.vpbx.sip.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestAnswerTest {

    /** RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256. */
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static DigestChallenge rfc7616(String algorithm) {
        return new DigestChallenge(false, "http-auth@example.org", NONCE, OPAQUE, algorithm, List.of("auth", "auth-int"), false);
    }

    @Test
    void answersTheRfc7616ExampleWithMd5() {
        String value = DigestAnswer.authorization(rfc7616("MD5"), "GET", "/dir/index.html", "Mufasa", "Circle of Life", CNONCE, 1);
        assertTrue(value.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""), value);
        assertTrue(value.contains("qop=auth, nc=00000001, cnonce=\"" + CNONCE + "\""), value);
        assertTrue(value.contains("opaque=\"" + OPAQUE + "\""), value);
    }

    @Test
    void answersTheRfc7616ExampleWithSha256() {
        String value = DigestAnswer.authorization(rfc7616("SHA-256"), "GET", "/dir/index.html", "Mufasa", "Circle of Life", CNONCE, 1);
        assertTrue(value.contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""), value);
        assertTrue(value.contains("algorithm=SHA-256"), value);
    }

    /** RFC 2069 form (no qop): response = H(HA1:nonce:HA2), and no nc or cnonce on the wire. */
    @Test
    void answersWithoutQopWhenNoneIsOffered() {
        DigestChallenge challenge = new DigestChallenge(true, "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", null,
                null, List.of(), false);
        String value = DigestAnswer.authorization(challenge, "GET", "/dir/index.html", "Mufasa", "CircleOfLife", "unused", 1);
        assertTrue(value.contains("response=\"1949323746fe6a43ef61f9606e7febea\""), value);
        assertFalse(value.contains("nc="), value);
        assertEquals("Proxy-Authorization", challenge.answerHeader());
    }

    @Test
    void prefersSha256AndSkipsWhatItCannotAnswer() {
        DigestChallenge md5 = rfc7616("MD5");
        DigestChallenge sha = rfc7616("SHA-256");
        DigestChallenge sess = rfc7616("SHA-512-256");
        assertEquals(sha, DigestAnswer.preferred(List.of(md5, sess, sha)).orElseThrow());
        assertEquals(md5, DigestAnswer.preferred(List.of(sess, md5)).orElseThrow());
        assertTrue(DigestAnswer.preferred(List.of(sess)).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> DigestAnswer.authorization(sess, "REGISTER", "sip:a", "u", "p", "c", 1));
    }
}
