package io.vpbx.admin.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DigestCredentialsTest {

    @Test
    void md5Ha1MatchesTheRfc2617Example() {
        // RFC 2617 section 3.5: the HA1 of its example exchange.
        DigestCredentials credentials = DigestCredentials.derive("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("939e7578ed9e3c518a452acee763bce9", credentials.ha1Md5());
    }

    @Test
    void sha256Ha1IsTheHashOfUsernameRealmAndPassword() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("Mufasa:testrealm@host.com:Circle Of Life".getBytes(StandardCharsets.UTF_8)));
        DigestCredentials credentials = DigestCredentials.derive("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals(expected, credentials.ha1Sha256());
        assertEquals(64, credentials.ha1Sha256().length());
    }

    @Test
    void eachPartChangesBothValues() {
        DigestCredentials base = DigestCredentials.derive("alice", "vpbx", "correct horse");
        for (DigestCredentials other : new DigestCredentials[] {
                DigestCredentials.derive("alice2", "vpbx", "correct horse"),
                DigestCredentials.derive("alice", "other", "correct horse"),
                DigestCredentials.derive("alice", "vpbx", "correct horsf")}) {
            assertNotEquals(base.ha1Md5(), other.ha1Md5());
            assertNotEquals(base.ha1Sha256(), other.ha1Sha256());
        }
        assertEquals(base, DigestCredentials.derive("alice", "vpbx", "correct horse"), "the same input gives the same values");
    }

    @Test
    void onlyLowerCaseHexOfTheRightLengthIsAccepted() {
        String md5 = "939e7578ed9e3c518a452acee763bce9";
        String sha = "a".repeat(64);
        assertThrows(IllegalArgumentException.class, () -> new DigestCredentials(md5.toUpperCase(), sha));
        assertThrows(IllegalArgumentException.class, () -> new DigestCredentials(md5 + "0", sha));
        assertThrows(IllegalArgumentException.class, () -> new DigestCredentials(md5, "g".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new DigestCredentials(md5, null));
    }

    @Test
    void toStringShowsNoHash() {
        DigestCredentials credentials = DigestCredentials.derive("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertFalse(credentials.toString().contains(credentials.ha1Md5()));
        assertFalse(credentials.toString().contains(credentials.ha1Sha256()));
    }
}
