package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentCipherTest {

    private static final String PASSPORT = "4508123456";

    private final SecureRandom random = new SecureRandom();
    private final KeyRing k1Only = new KeyRing("k1", Map.of("k1", KeyRingTest.key(1)));
    private final DocumentCipher cipher = new DocumentCipher(k1Only, random);

    @Test
    void roundTrips() {
        String sealed = cipher.seal(PASSPORT);
        assertTrue(sealed.startsWith("v1:k1:"), sealed);
        assertFalse(sealed.contains(PASSPORT));
        assertEquals(PASSPORT, cipher.open(sealed));
        assertEquals("护照 E12345678", cipher.open(cipher.seal("护照 E12345678")));
        assertEquals("", cipher.open(cipher.seal("")));
    }

    @Test
    void carriesTheIvTheCiphertextAndTheTag() {
        String sealed = cipher.seal(PASSPORT);
        byte[] payload = Base64.getUrlDecoder().decode(sealed.substring("v1:k1:".length()));
        assertEquals(DocumentCipher.IV_BYTES + PASSPORT.length() + 16, payload.length);
    }

    @Test
    void drawsAFreshIvEachTime() {
        String first = cipher.seal(PASSPORT);
        String second = cipher.seal(PASSPORT);
        assertNotEquals(first, second);
        assertNotEquals(first.substring(6, 22), second.substring(6, 22));
    }

    @Test
    void detectsTampering() {
        String sealed = cipher.seal(PASSPORT);
        // Flip a bit of the last byte (the tag) itself: editing the last base64 character may only touch its unused bits.
        byte[] raw = java.util.Base64.getUrlDecoder().decode(sealed.substring(6));
        raw[raw.length - 1] ^= 1;
        String flipped = "v1:k1:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cipher.open(flipped));
        assertEquals("sealed document with key k1 is tampered", e.getMessage());

        String body = sealed.substring(6);
        String middle = body.substring(0, 20) + (body.charAt(20) == 'x' ? 'y' : 'x') + body.substring(21);
        assertThrows(IllegalStateException.class, () -> cipher.open("v1:k1:" + middle));
        IllegalStateException truncated = assertThrows(IllegalStateException.class, () -> cipher.open("v1:k1:AAAA"));
        assertTrue(truncated.getMessage().contains("tampered"), truncated.getMessage());
    }

    @Test
    void theKeyIdIsAuthenticated() {
        Map<String, byte[]> sameBytes = new LinkedHashMap<>();
        sameBytes.put("k1", KeyRingTest.key(1));
        sameBytes.put("k9", KeyRingTest.key(1));
        DocumentCipher both = new DocumentCipher(new KeyRing("k1", sameBytes), random);
        String relabelled = "v1:k9:" + both.seal(PASSPORT).substring("v1:k1:".length());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> both.open(relabelled));
        assertEquals("sealed document with key k9 is tampered", e.getMessage());
    }

    @Test
    void refusesUnknownKeysAndForeignFormats() {
        String sealed = cipher.seal(PASSPORT).replace("v1:k1:", "v1:k0:");
        assertEquals("unknown key id k0", assertThrows(IllegalStateException.class, () -> cipher.open(sealed)).getMessage());
        assertEquals("not a v1 sealed document",
                assertThrows(IllegalStateException.class, () -> cipher.open(PASSPORT)).getMessage());
        assertEquals("not a v1 sealed document",
                assertThrows(IllegalStateException.class, () -> cipher.open("v2:k1:AAAA")).getMessage());
    }

    @Test
    void rotationKeepsOldDocumentsReadable() {
        String sealedWithK1 = cipher.seal(PASSPORT);
        assertTrue(cipher.sealedWithCurrentKey(sealedWithK1));

        KeyRing rotated = KeyRing.parse("k2:" + KeyRingTest.base64(KeyRingTest.key(2)) + ",k1:"
                + KeyRingTest.base64(KeyRingTest.key(1)));
        DocumentCipher afterRotation = new DocumentCipher(rotated, random);
        assertEquals(PASSPORT, afterRotation.open(sealedWithK1));
        assertFalse(afterRotation.sealedWithCurrentKey(sealedWithK1));

        String resealed = afterRotation.seal(afterRotation.open(sealedWithK1));
        assertTrue(resealed.startsWith("v1:k2:"), resealed);
        assertTrue(afterRotation.sealedWithCurrentKey(resealed));
        assertEquals("unknown key id k2",
                assertThrows(IllegalStateException.class, () -> cipher.open(resealed)).getMessage());
    }
}
