package io.vpbx.sip.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.vpbx.config.IoEngine;

/**
 * The socket implementation of {@code sip.io-engine}, chosen once at start: Linux epoll (fewer copies than NIO, and a
 * burst of datagrams flushed together leaves in one sendmmsg call), io_uring (receives and sends through one ring:
 * about 8 system calls per proxied call where epoll makes 13-15, but the same CPU per call, docs/adr/0036), or Java NIO.
 */
public record SocketKind(String name, IoHandlerFactory ioHandlers, Class<? extends DatagramChannel> datagram,
                         Class<? extends ServerChannel> server, Class<? extends SocketChannel> client) {

    /**
     * The engine asked for; {@link IoEngine#AUTO} takes epoll where it runs, else NIO (io_uring only by name: it saves
     * system calls, not CPU, docs/adr/0036).
     *
     * @throws IllegalStateException when an engine asked for by name cannot run here (its native library does not
     *                               load, or the kernel refuses it), with the reason
     */
    public static SocketKind of(IoEngine engine) {
        return switch (engine) {
            case AUTO -> Epoll.isAvailable() ? epoll() : nio();
            case IO_URING -> {
                requireAvailable("io_uring", IoUring.unavailabilityCause());
                yield ioUring();
            }
            case EPOLL -> {
                requireAvailable("epoll", Epoll.unavailabilityCause());
                yield epoll();
            }
            case NIO -> nio();
        };
    }

    public static SocketKind nio() {
        return new SocketKind("nio", NioIoHandler.newFactory(), NioDatagramChannel.class, NioServerSocketChannel.class,
                NioSocketChannel.class);
    }

    private static SocketKind ioUring() {
        return new SocketKind("io_uring", IoUringIoHandler.newFactory(), IoUringDatagramChannel.class,
                IoUringServerSocketChannel.class, IoUringSocketChannel.class);
    }

    private static SocketKind epoll() {
        return new SocketKind("epoll", EpollIoHandler.newFactory(), EpollDatagramChannel.class,
                EpollServerSocketChannel.class, EpollSocketChannel.class);
    }

    private static void requireAvailable(String engine, Throwable cause) {
        if (cause != null) {
            throw new IllegalStateException("sip.io-engine=" + engine + " cannot run on this machine: " + cause, cause);
        }
    }
}
