package io.vpbx.admin.service.people;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void anArgon2idHashKeepsItsParametersAndMatchesOnlyItsPassword() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.matches("correct horse battery", hash));
        assertFalse(hasher.matches("correct horse batterz", hash));
        assertNotEquals(hash, hasher.hash("correct horse battery"), "a new salt each time");
    }

    @Test
    void aHashMadeWithOtherParametersStillMatches() {
        PasswordHasher cheaper = new PasswordHasher(new SecureRandom(), 1024, 1);
        String old = cheaper.hash("an older passphrase");
        assertTrue(old.contains("m=1024,t=1,p=1"));
        assertTrue(hasher.matches("an older passphrase", old));
    }

    @Test
    void anythingButAnArgon2idPhcStringMatchesNothing() {
        assertFalse(hasher.matches("x", null));
        assertFalse(hasher.matches(null, hasher.hash("x")));
        assertFalse(hasher.matches("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(hasher.matches("x", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"), "no memory bomb");
        assertFalse(hasher.matches("x", "$argon2id$v=19$m=19456,t=2,p=1$!!!$???"));
        assertFalse(hasher.matchesNobody("x"));
    }
}
