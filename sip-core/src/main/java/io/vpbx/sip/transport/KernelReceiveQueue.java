package io.vpbx.sip.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many bytes wait in the kernel's receive queue of our UDP socket, as Linux reports it in {@code /proc/net/udp}
 * and {@code /proc/net/udp6} (the {@code rx_queue} column, the figure {@code ss -ulm} and {@code netstat -u} show):
 * the SIP proxy's backlog that the event loop's own lag does not show, because the loop keeps running its timers
 * between reads while the kernel queue grows. Reading the two small files costs tens of microseconds.
 *
 * <p>Elsewhere than Linux the files do not exist, and the queue reads as empty.
 */
public final class KernelReceiveQueue {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private final int port;
    private boolean unreadable;

    /** @param port our socket's local UDP port */
    public KernelReceiveQueue(int port) {
        this.port = port;
    }

    /** Bytes queued now (the largest of the sockets bound to the port), 0 when it cannot be read. */
    public long bytes() {
        if (unreadable) {
            return 0;
        }
        long most = -1;
        for (Path table : TABLES) {
            try {
                most = Math.max(most, bytes(Files.readString(table, StandardCharsets.ISO_8859_1), port));
            } catch (IOException | RuntimeException e) {
                // udp6 may be missing without IPv6; both missing: not Linux
            }
        }
        if (most < 0) {
            unreadable = true;
            return 0;
        }
        return most;
    }

    /**
     * The {@code rx_queue} of the socket bound to {@code port} in one {@code /proc/net/udp} table (the largest when
     * several are), or -1 when none is. A row reads {@code sl local_address rem_address st tx_queue:rx_queue ...}, with
     * addresses as {@code HEXADDR:HEXPORT} and the queues in hexadecimal.
     */
    static long bytes(String table, int port) {
        long most = -1;
        for (String line : table.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 5 || !fields[0].endsWith(":")) {
                continue;
            }
            int colon = fields[1].lastIndexOf(':');
            int queues = fields[4].indexOf(':');
            if (colon < 0 || queues < 0) {
                continue;
            }
            try {
                if (Integer.parseInt(fields[1].substring(colon + 1), 16) == port) {
                    most = Math.max(most, Long.parseLong(fields[4].substring(queues + 1), 16));
                }
            } catch (NumberFormatException e) {
                // not a socket row
            }
        }
        return most;
    }
}
