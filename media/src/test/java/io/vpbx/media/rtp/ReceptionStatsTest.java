package io.vpbx.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReceptionStatsTest {

    @Test
    void countsGapsAcrossTheSequenceWrapAndForgivesReordering() {
        ReceptionStats stats = new ReceptionStats();
        for (int seq : new int[] {65533, 65534, 1, 0, 3, 4}) { // 65535 and 2 never come; 0 after 1
            stats.received(7, seq);
        }
        assertEquals(2, stats.lost());
        stats.received(7, 2); // late after all
        assertEquals(1, stats.lost());
    }

    @Test
    void duplicatesDoNotHideLossesAndANewSourceStartsOver() {
        ReceptionStats stats = new ReceptionStats();
        stats.received(7, 10);
        stats.received(7, 10);
        stats.received(7, 12);
        assertEquals(0, stats.lost(), "two received for three expected, but one was a duplicate");
        stats.received(8, 500);
        stats.received(8, 503);
        assertEquals(2, stats.lost(), "the new source's gap");
    }
}
