package io.vpbx.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransactionTimersTest {

    private final TransactionTimers rfc = TransactionTimers.rfc3261();

    @Test
    void rfc3261Defaults() {
        assertEquals(Duration.ofMillis(500), rfc.t1());
        assertEquals(Duration.ofSeconds(4), rfc.t2());
        assertEquals(Duration.ofSeconds(5), rfc.t4());
        assertEquals(Duration.ofSeconds(32), rfc.sixtyFourT1());
    }

    @Test
    void waitTimersAreZeroOnReliableTransports() {
        assertEquals(Duration.ofSeconds(32), rfc.timerD(false));
        assertEquals(Duration.ofSeconds(5), rfc.timerI(false));
        assertEquals(Duration.ofSeconds(32), rfc.timerJ(false));
        assertEquals(Duration.ofSeconds(5), rfc.timerK(false));
        assertEquals(Duration.ZERO, rfc.timerD(true));
        assertEquals(Duration.ZERO, rfc.timerI(true));
        assertEquals(Duration.ZERO, rfc.timerJ(true));
        assertEquals(Duration.ZERO, rfc.timerK(true));
    }

    @Test
    void doublingIsCappedAtT2() {
        assertEquals(Duration.ofSeconds(1), rfc.doubledUpToT2(Duration.ofMillis(500)));
        assertEquals(Duration.ofSeconds(4), rfc.doubledUpToT2(Duration.ofSeconds(2)));
        assertEquals(Duration.ofSeconds(4), rfc.doubledUpToT2(Duration.ofSeconds(4)));
    }

    @Test
    void rejectsInvalidValues() {
        Duration s = Duration.ofSeconds(1);
        Duration d = Duration.ofSeconds(32);
        assertThrows(IllegalArgumentException.class, () -> new TransactionTimers(Duration.ZERO, s, s, d));
        assertThrows(IllegalArgumentException.class, () -> new TransactionTimers(s, Duration.ofMillis(999), s, d));
        assertThrows(IllegalArgumentException.class, () -> new TransactionTimers(s, s, Duration.ZERO, d));
        assertThrows(IllegalArgumentException.class, () -> new TransactionTimers(s, s, s, Duration.ofSeconds(31)));
        assertThrows(NullPointerException.class, () -> new TransactionTimers(null, s, s, d));
    }
}
