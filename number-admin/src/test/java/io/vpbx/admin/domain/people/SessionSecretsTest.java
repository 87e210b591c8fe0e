package io.vpbx.admin.domain.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SessionSecretsTest {
    private final SessionSecrets secrets = new SessionSecrets(new SecureRandom());

    @Test
    void tokensAreRandomPlausibleAndStoredOnlyAsAHashThatIsNotTheCsrfToken() {
        String token = secrets.newToken();
        assertEquals(43, token.length());
        assertTrue(SessionSecrets.plausible(token));
        assertNotEquals(token, secrets.newToken());
        assertEquals(64, SessionSecrets.hash(token).length());
        assertNotEquals(SessionSecrets.hash(token), SessionSecrets.csrfToken(token));
        assertTrue(SessionSecrets.csrfMatches(token, SessionSecrets.csrfToken(token)));
        assertFalse(SessionSecrets.csrfMatches(token, SessionSecrets.csrfToken(secrets.newToken())));
        assertFalse(SessionSecrets.csrfMatches(token, null));
    }

    @Test
    void implausibleTokensAreNotHashed() {
        assertFalse(SessionSecrets.plausible(null));
        assertFalse(SessionSecrets.plausible("short"));
        assertFalse(SessionSecrets.plausible("é".repeat(43)));
        assertFalse(SessionSecrets.plausible("a".repeat(44)));
    }

    @Test
    void aPhoneHintShowsTheCountryAndTheLastTwoDigits() {
        assertEquals("+7 *** ***-**-67", PhoneHint.of("+79161234567"));
        assertEquals("+44 *** ***-**-89", PhoneHint.of("+447911123489"));
        assertEquals(null, PhoneHint.of("12345"));
    }
}
