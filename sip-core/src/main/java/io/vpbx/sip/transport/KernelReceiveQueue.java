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
 * between reads while the kernel queue grows. Reading a small file costs tens of microseconds.
 *
 * <p>The socket is listed in one of the two tables (an IPv6 socket, dual-stack or not, in {@code udp6}): once a read
 * found the port in exactly one table, only that table is read, which halves the system calls and the kernel's walk
 * over every UDP socket that each read of the event loop's load monitor costs; should the port vanish from it, both
 * are read again. Elsewhere than Linux the files do not exist, and the queue reads as empty.
 */
public final class KernelReceiveQueue {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private final int port;
    private boolean unreadable;
    /** The one table the port was last found in, or null while it is not known (then both are read). */
    private Path listedIn;

    /** @param port our socket's local UDP port */
    public KernelReceiveQueue(int port) {
        this.port = port;
    }

    /** Bytes queued now (the largest of the sockets bound to the port), 0 when it cannot be read. */
    public long bytes() {
        if (unreadable) {
            return 0;
        }
        if (listedIn != null) {
            long queued = read(listedIn);
            if (queued >= 0) {
                return queued;
            }
            listedIn = null;
        }
        long most = -1;
        int tablesListing = 0;
        Path listing = null;
        for (Path table : TABLES) {
            long queued = read(table);
            if (queued >= 0) {
                tablesListing++;
                listing = table;
            }
            most = Math.max(most, queued);
        }
        if (tablesListing == 1) {
            listedIn = listing;
        }
        if (most < 0) {
            unreadable = true;
            return 0;
        }
        return most;
    }

    /** The queue of our port in one table, -1 when the table lists no such socket or cannot be read. */
    private long read(Path table) {
        try {
            return bytes(Files.readString(table, StandardCharsets.ISO_8859_1), port);
        } catch (IOException | RuntimeException e) {
            // udp6 may be missing without IPv6; both missing: not Linux
            return -1;
        }
    }

    /**
     * The {@code rx_queue} of the socket bound to {@code port} in one {@code /proc/net/udp} table (the largest when
     * several are), or -1 when none is. A row reads {@code sl local_address rem_address st tx_queue:rx_queue ...}, with
     * addresses as {@code HEXADDR:HEXPORT} and the queues in hexadecimal. Read in place, field by field.
     */
    static long bytes(String table, int port) {
        long most = -1;
        int at = 0;
        while (at < table.length()) {
            int end = table.indexOf('\n', at);
            if (end < 0) {
                end = table.length();
            }
            most = Math.max(most, row(table, at, end, port));
            at = end + 1;
        }
        return most;
    }

    /** The rx_queue of the row in {@code [from, to)} when it is a socket on {@code port}, else -1. */
    private static long row(String table, int from, int to, int port) {
        int[] bounds = new int[10]; // start and end of the first five fields
        int at = from;
        for (int field = 0; field < 5; field++) {
            while (at < to && isSpace(table.charAt(at))) {
                at++;
            }
            int start = at;
            while (at < to && !isSpace(table.charAt(at))) {
                at++;
            }
            if (start == at) {
                return -1;
            }
            bounds[2 * field] = start;
            bounds[2 * field + 1] = at;
        }
        if (table.charAt(bounds[1] - 1) != ':') {
            return -1; // the heading
        }
        int colon = table.lastIndexOf(':', bounds[3] - 1);
        int queues = table.indexOf(':', bounds[8]);
        if (colon < bounds[2] || queues < 0 || queues >= bounds[9]) {
            return -1;
        }
        long local = hex(table, colon + 1, bounds[3]);
        if (local != port) {
            return -1;
        }
        return hex(table, queues + 1, bounds[9]);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** A hexadecimal number in {@code [from, to)}, -1 when it is empty or not one. */
    private static long hex(String text, int from, int to) {
        if (from >= to || to - from > 15) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
