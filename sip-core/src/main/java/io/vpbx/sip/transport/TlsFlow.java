package io.vpbx.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;

/** One TLS connection, accepted or opened by us; framed and limited as TCP is, written through its TLS handler. */
record TlsFlow(Channel channel, WriteBatch batch) implements Flow {

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
        return "TLS";
    }
}
