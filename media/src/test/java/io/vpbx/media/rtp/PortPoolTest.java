package io.vpbx.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.media.MutableClock;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PortPoolTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void handsOutEvenPortsWhosePairFitsTheRange() {
        PortPool pool = new PortPool(10001, 10006, Duration.ofSeconds(5), clock);
        assertEquals(OptionalInt.of(10002), pool.take());
        assertEquals(OptionalInt.of(10004), pool.take());
        assertEquals(OptionalInt.empty(), pool.take(), "10006 has no 10007 in the range");
    }

    @Test
    void aReleasedPortRestsBeforeItIsHandedOutAgainAndComesLast() {
        PortPool pool = new PortPool(10000, 10003, Duration.ofSeconds(5), clock);
        int first = pool.take().getAsInt();
        pool.release(first);
        assertEquals(OptionalInt.of(10002), pool.take(), "the other pair first");
        assertEquals(OptionalInt.empty(), pool.take(), "the released one rests");
        clock.advance(Duration.ofSeconds(4));
        assertEquals(OptionalInt.empty(), pool.take());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(OptionalInt.of(first), pool.take());
        assertEquals(0, pool.size(), "both in use");
    }
}
