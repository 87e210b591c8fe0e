package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelReceiveQueueTest {
    private static final String TABLE = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              211: 0100007F:13C4 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 40512 2 0000000000000000 0
              985: 0100007F:13E2 00000000:0000 07 00000000:0003E800 00:00000000 00000000  1000        0 40999 2 0000000000000000 17
            """;

    @Test
    void theReceiveQueueOfTheSocketOnThePortIsRead() {
        assertEquals(0x3E800, KernelReceiveQueue.bytes(TABLE, 0x13E2));
        assertEquals(0, KernelReceiveQueue.bytes(TABLE, 0x13C4));
    }

    @Test
    void aPortWithNoSocketReadsAsNone() {
        assertEquals(-1, KernelReceiveQueue.bytes(TABLE, 5070));
        assertEquals(-1, KernelReceiveQueue.bytes("", 5060));
    }
}
