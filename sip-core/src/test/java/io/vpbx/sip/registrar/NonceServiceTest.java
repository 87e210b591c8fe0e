package io.vpbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final NonceService nonces = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5), 100);

    @Test
    void freshNonceWithGrowingCountIsValid() {
        String nonce = nonces.issue();
        assertEquals(NonceStatus.VALID, nonces.check(nonce, 1));
        assertEquals(NonceStatus.VALID, nonces.check(nonce, 2));
        assertEquals(NonceStatus.VALID, nonces.check(nonce, 7));
    }

    @Test
    void noncesAreUnique() {
        assertNotEquals(nonces.issue(), nonces.issue());
    }

    @Test
    void repeatedOrLowerCountIsReplay() {
        String nonce = nonces.issue();
        assertEquals(NonceStatus.VALID, nonces.check(nonce, 3));
        assertEquals(NonceStatus.REPLAY, nonces.check(nonce, 3));
        assertEquals(NonceStatus.REPLAY, nonces.check(nonce, 2));
        assertEquals(NonceStatus.VALID, nonces.check(nonce, 4));
    }

    @Test
    void nonceExpiresAfterLifetime() {
        String nonce = nonces.issue();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(NonceStatus.VALID, nonces.check(nonce, 1));
        clock.advance(Duration.ofMillis(1));
        assertEquals(NonceStatus.STALE, nonces.check(nonce, 2));
    }

    @Test
    void nonceFromAnotherSecretIsInvalid() {
        NonceService other = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5), 100);
        assertEquals(NonceStatus.INVALID, nonces.check(other.issue(), 1));
    }

    @Test
    void tamperedNonceIsInvalid() {
        String nonce = nonces.issue();
        char[] chars = nonce.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        assertEquals(NonceStatus.INVALID, nonces.check(new String(chars), 1));
    }

    @Test
    void garbledNoncesAreInvalid() {
        assertEquals(NonceStatus.INVALID, nonces.check(null, 1));
        assertEquals(NonceStatus.INVALID, nonces.check("", 1));
        assertEquals(NonceStatus.INVALID, nonces.check("dcd98b7102dd2f0e8b11d0f600bfb0c093", 1));
        assertEquals(NonceStatus.INVALID, nonces.check("!".repeat(54), 1));
        assertEquals(NonceStatus.INVALID, nonces.check(nonces.issue() + "A", 1));
    }

    @Test
    void trackingIsBoundedAndEvictedNoncesAreStaleNotValid() {
        NonceService small = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5), 3);
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(small.issue());
        }
        assertEquals(3, small.trackedCount());
        assertEquals(NonceStatus.STALE, small.check(issued.get(0), 1));
        assertEquals(NonceStatus.STALE, small.check(issued.get(1), 1));
        assertEquals(NonceStatus.VALID, small.check(issued.get(2), 1));
        assertEquals(NonceStatus.VALID, small.check(issued.get(4), 1));
    }
}
