package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void rowsAreReadFieldByFieldWhateverTheSpacing() {
        String table = "  sl  local_address rem_address   st tx_queue rx_queue\n"
                + "\t12: 00000000000000000000000000000000:13C4 00000000000000000000000000000000:0000 07 00000000:000000FF 00\r\n"
                + "garbage line\n"
                + "13: 0100007F:13C4 00000000:0000 07 00000000:00000100 00";
        assertEquals(0x100, KernelReceiveQueue.bytes(table, 0x13C4));
        assertEquals(-1, KernelReceiveQueue.bytes("13: 0100007F:13C4 00000000:0000 07", 0x13C4));
        assertEquals(-1, KernelReceiveQueue.bytes("13: 0100007F:ZZZZ 00000000:0000 07 00000000:00000100 00", 0x13C4));
    }

    @Test
    void theQueueOfOurOwnSocketIsFoundInTheKernelTables() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/udp")));
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            KernelReceiveQueue queue = new KernelReceiveQueue(socket.getLocalPort());
            assertEquals(0, queue.bytes());
            byte[] datagram = new byte[100];
            peer.send(new DatagramPacket(datagram, datagram.length, socket.getLocalSocketAddress()));
            long queued = 0;
            for (int i = 0; i < 100 && queued == 0; i++) {
                queued = queue.bytes(); // the second read on is of the one table that lists the socket
                Thread.sleep(10);
            }
            assertTrue(queued >= datagram.length, "queued " + queued);
        }
    }
}
