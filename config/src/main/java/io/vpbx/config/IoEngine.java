package io.vpbx.config;

import java.util.Locale;

/**
 * How the SIP sockets wait for and move datagrams ({@code sip.io-engine}). {@link #EPOLL} is Netty's epoll
 * transport: one {@code epoll_wait}, then a {@code recvmsg} per datagram and a {@code sendto}/{@code sendmmsg} per
 * answer. {@link #IO_URING} submits receives and sends through one ring (fewer system calls per datagram,
 * docs/adr/0036). {@link #NIO} is the JDK's portable selector. {@link #AUTO} takes epoll where it runs, else NIO.
 */
public enum IoEngine {
    AUTO, IO_URING, EPOLL, NIO;

    /** The configuration word: {@code auto}, {@code io_uring}, {@code epoll}, {@code nio}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IoEngine ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
