package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRingTest {

    static byte[] key(int fill) {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void theFirstEntryIsTheCurrentKey() {
        KeyRing ring = KeyRing.parse("k2:" + base64(key(2)) + ", k1:" + base64(key(1)));
        assertEquals("k2", ring.currentKeyId());
        assertEquals(List.of("k2", "k1"), List.copyOf(ring.keys().keySet()));
        assertArrayEquals(key(1), ring.key("k1"));
        assertNull(ring.key("k0"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "k1:AAEC                     | key k1 must be 32 bytes (AES-256), got 3",
            "k1:                         | key k1 must be 32 bytes (AES-256), got 0",
            "k1:not*base64               | key k1 is not valid Base64",
            "k1                          | key ring entry #1 must be id:base64",
            "'k1:" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' | key k1 is given twice",
            "'k 1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' | key ring entry #1: a key id must be 1 to 32 of A-Z a-z 0-9 _ -",
            "'  '                        | key ring is empty: give at least one id:base64 key"})
    void refusesBadConfigNamingTheKeyId(String config, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(config));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aKeyPastedAsAnIdIsNotEchoed() {
        String secret = base64(key(7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyRing.parse(secret.substring(0, 40) + ":k1"));
        assertFalse(e.getMessage().contains(secret.substring(0, 40)), e.getMessage());
    }

    @Test
    void wrongKeyLengthIsRefusedWithoutShowingTheKey() {
        byte[] shortKey = new byte[16];
        Arrays.fill(shortKey, (byte) 0x41);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KeyRing("k1", Map.of("k1", shortKey)));
        assertEquals("key k1 must be 32 bytes (AES-256), got 16", e.getMessage());
    }

    @Test
    void theCurrentKeyMustBeInTheRing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KeyRing("k9", Map.of("k1", key(1))));
        assertEquals("current key k9 is not in the key ring", e.getMessage());
    }

    @Test
    void toStringHidesTheKeys() {
        String encoded = base64(key(0x5a));
        KeyRing ring = KeyRing.parse("k2:" + encoded + ",k1:" + base64(key(1)));
        assertEquals("KeyRing[current=k2, ids=[k2, k1]]", ring.toString());
        assertFalse(ring.toString().contains(encoded));
    }

    @Test
    void keysCannotBeChangedFromOutside() {
        byte[] original = key(3);
        KeyRing ring = new KeyRing("k1", Map.of("k1", original));
        original[0] = 0;
        ring.key("k1")[1] = 0;
        ring.keys().get("k1")[2] = 0;
        assertArrayEquals(key(3), ring.key("k1"));
    }

    @Test
    void ringsWithTheSameKeysAreEqual() {
        assertEquals(new KeyRing("k1", Map.of("k1", key(1))), KeyRing.parse("k1:" + base64(key(1))));
    }
}
