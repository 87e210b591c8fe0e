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

/**
 * The socket implementation: Linux epoll when its native library loads (fewer copies, and a burst of
 * datagrams flushed together leaves in one sendmmsg call), Java NIO otherwise. The choice is made once.
 */
public record SocketKind(String name, IoHandlerFactory ioHandlers, Class<? extends DatagramChannel> datagram,
                         Class<? extends ServerChannel> server, Class<? extends SocketChannel> client) {

    public static SocketKind best() {
        if (Epoll.isAvailable()) {
            return new SocketKind("epoll", EpollIoHandler.newFactory(), EpollDatagramChannel.class,
                    EpollServerSocketChannel.class, EpollSocketChannel.class);
        }
        return nio();
    }

    public static SocketKind nio() {
        return new SocketKind("nio", NioIoHandler.newFactory(), NioDatagramChannel.class, NioServerSocketChannel.class,
                NioSocketChannel.class);
    }
}
