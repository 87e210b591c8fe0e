package io.vpbx.sip.registrar;

import static io.vpbx.sip.registrar.DigestVerifierTest.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestCredentialsTest {

    private static final String MD5_RESPONSE = "6629fae49393a05397450978507c4ef1";
    private static final String SHA_RESPONSE = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";

    @Test
    void parsesRfc7616Sha256Authorization() {
        DigestCredentials credentials = parsed("Digest username=\"Mufasa\",\r\n realm=\"http-auth@example.org\",\r\n"
                + " uri=\"/dir/index.html\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
                + " nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth,"
                + " response=\"" + SHA_RESPONSE + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");

        assertEquals("Mufasa", credentials.username());
        assertEquals("http-auth@example.org", credentials.realm());
        assertEquals(DigestAlgorithm.SHA_256, credentials.algorithm());
        assertEquals("auth", credentials.qop());
        assertEquals("00000001", credentials.nc());
        assertEquals(1, credentials.nonceCount());
        assertEquals("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", credentials.opaque());
    }

    @Test
    void quotedStringsKeepCommasAndEscapedQuotesAndUnknownParamsAreIgnored() {
        DigestCredentials credentials = parsed("digest  username=\"alice \\\"the\\\" admin, jr\" , realm=\"r, x\","
                + " foo=bar, baz=\"q,u\\\\ote\", nonce=n1, uri=\"sip:pbx.example;transport=tcp\","
                + " response=" + MD5_RESPONSE + ", algorithm=md5,");

        assertEquals("alice \"the\" admin, jr", credentials.username());
        assertEquals("r, x", credentials.realm());
        assertEquals("sip:pbx.example;transport=tcp", credentials.uri());
        assertEquals(DigestAlgorithm.MD5, credentials.algorithm());
        assertNull(credentials.qop());
        assertNull(credentials.nc());
        assertEquals(0, credentials.nonceCount());
    }

    @Test
    void absentAlgorithmMeansMd5() {
        DigestCredentials credentials = parsed("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:x\", "
                + "response=\"" + MD5_RESPONSE + "\"");
        assertEquals(DigestAlgorithm.MD5, credentials.algorithm());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "Basic dXNlcjpwYXNz",
        "Digest",
        "Digestusername=\"a\"",
        "Digest username=\"a, realm=\"r\"",
        "Digest username=\"a\" realm=\"r\"",
        "Digest username=\"a\", username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\"",
        "Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\"",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\"",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"zz\"",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\", algorithm=SHA-256",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\", algorithm=MD5-sess",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\", qop=auth, nc=00000001",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\", qop=auth, cnonce=c",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\", qop=auth, cnonce=c, nc=1",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\", qop=auth, cnonce=c, nc=0000000g",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\", qop=auth-int, cnonce=c, nc=00000001",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"" + MD5_RESPONSE + "\", =x",
        "Digest username=\"a\\",
        "Digest username",
        "Digest username=",
    })
    void malformedHeadersAreParseFailures(String header) {
        DigestParseResult result = DigestCredentials.parse(header);
        assertTrue(result instanceof DigestParseResult.Malformed, () -> header + " -> " + result);
    }

    @Test
    void nullAndOverlongHeadersAreParseFailures() {
        assertTrue(DigestCredentials.parse(null) instanceof DigestParseResult.Malformed);
        String overlong = "Digest username=\"" + "a".repeat(DigestCredentials.MAX_HEADER_LENGTH) + "\"";
        assertTrue(DigestCredentials.parse(overlong) instanceof DigestParseResult.Malformed);
    }

    @Test
    void randomInputNeverThrows() {
        Random random = new Random(7616);
        String alphabet = "Digest usernamrlcoqp=\",\\ \t\r\n0123456789abcdef-:/@;*";
        String valid = "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", qop=auth, nc=00000001, "
                + "cnonce=\"c\", response=\"" + MD5_RESPONSE + "\"";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder input = new StringBuilder(random.nextBoolean() ? valid : "");
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = input.length() == 0 ? 0 : random.nextInt(input.length() + 1);
                if (random.nextBoolean() && at < input.length()) {
                    input.deleteCharAt(at);
                } else {
                    input.insert(at, random.nextInt(20) == 0
                            ? (char) random.nextInt(0x3000)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            DigestCredentials.parse(input.toString());
        }
    }
}
