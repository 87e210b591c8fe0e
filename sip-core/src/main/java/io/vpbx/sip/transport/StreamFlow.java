package io.vpbx.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;

/**
 * One TCP or TLS connection, accepted or opened by us; TLS is framed and limited as TCP is and written through its
 * TLS handler. Messages written on a closed connection are lost (counted by Netty).
 */
record StreamFlow(Channel channel, WriteBatch batch, SipTransport kind) implements Flow {

    /** The flow of a stream connection: TLS when the connection has a TLS handler, TCP otherwise. */
    static StreamFlow of(Channel channel, WriteBatch batch) {
        return new StreamFlow(channel, batch, isTls(channel) ? SipTransport.TLS : SipTransport.TCP);
    }

    static boolean isTls(Channel channel) {
        return channel.pipeline().get(SslHandler.class) != null;
    }

    @Override
    public InetSocketAddress remote() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public void send(WireMessage message) {
        batch.write(channel, Unpooled.wrappedBuffer(message.bytes()));
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public String transport() {
        return kind.name();
    }
}
