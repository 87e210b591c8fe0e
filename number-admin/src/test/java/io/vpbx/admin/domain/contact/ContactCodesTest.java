package io.vpbx.admin.domain.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactCodesTest {
    private static final String SALT = "00112233445566778899aabbccddeeff";

    private final ContactCodes codes = new ContactCodes(new SecureRandom());

    @Test
    void codesAreSixDigitsAndKeepLeadingZeros() {
        ContactCodes lowRandom = new ContactCodes(new SecureRandom() {
            @Override
            public int nextInt(int bound) {
                return 42;
            }
        });
        assertEquals("000042", lowRandom.newCode());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = codes.newCode();
            assertTrue(ContactCodes.wellFormed(code), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 190, "codes are random, not a sequence: " + seen.size() + " distinct of 200");
    }

    @Test
    void saltsAreRandomHex() {
        String salt = codes.newSalt();
        assertTrue(salt.matches("[0-9a-f]{32}"), salt);
        assertNotEquals(salt, codes.newSalt());
    }

    @Test
    void hashIsSha256HexAndDependsOnSaltTargetAndCode() {
        String hash = ContactCodes.hash(SALT, ContactCodes.Target.OLD_PHONE, "123456");
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertFalse(hash.contains("123456"));
        assertEquals(hash, ContactCodes.hash(SALT, ContactCodes.Target.OLD_PHONE, "123456"), "the same input hashes the same");
        assertNotEquals(hash, ContactCodes.hash(SALT, ContactCodes.Target.NEW_PHONE, "123456"), "the phone is part of the input");
        assertNotEquals(hash, ContactCodes.hash("ffeeddccbbaa99887766554433221100", ContactCodes.Target.OLD_PHONE, "123456"));
        assertNotEquals(hash, ContactCodes.hash(SALT, ContactCodes.Target.OLD_PHONE, "123457"));
    }

    @Test
    void onlyTheRightCodeForTheRightPhoneMatches() {
        String oldHash = ContactCodes.hash(SALT, ContactCodes.Target.OLD_PHONE, "111111");
        String newHash = ContactCodes.hash(SALT, ContactCodes.Target.NEW_PHONE, "222222");
        assertTrue(ContactCodes.matches(SALT, ContactCodes.Target.OLD_PHONE, "111111", oldHash));
        assertTrue(ContactCodes.matches(SALT, ContactCodes.Target.NEW_PHONE, "222222", newHash));
        assertFalse(ContactCodes.matches(SALT, ContactCodes.Target.OLD_PHONE, "111112", oldHash));
        assertFalse(ContactCodes.matches(SALT, ContactCodes.Target.OLD_PHONE, "222222", oldHash), "the new phone's code");
        assertFalse(ContactCodes.matches(SALT, ContactCodes.Target.NEW_PHONE, "111111", oldHash), "the old phone's code and hash");
        assertFalse(ContactCodes.matches(SALT, ContactCodes.Target.OLD_PHONE, null, oldHash));
        assertFalse(ContactCodes.matches(SALT, ContactCodes.Target.OLD_PHONE, "111111", null), "no hash: no old phone");
        assertFalse(ContactCodes.matches("ffeeddccbbaa99887766554433221100", ContactCodes.Target.OLD_PHONE, "111111", oldHash));
    }

    @Test
    void wellFormedMeansExactlySixAsciiDigits() {
        assertTrue(ContactCodes.wellFormed("012345"));
        assertFalse(ContactCodes.wellFormed("12345"));
        assertFalse(ContactCodes.wellFormed("1234567"));
        assertFalse(ContactCodes.wellFormed("12345a"));
        assertFalse(ContactCodes.wellFormed(" 12345"));
        assertFalse(ContactCodes.wellFormed("١٢٣٤٥٦"), "Arabic-Indic digits are not ASCII digits");
        assertFalse(ContactCodes.wellFormed(null));
    }
}
