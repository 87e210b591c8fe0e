package io.vpbx.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;

/** A peer reached through the one UDP socket. */
record UdpFlow(Channel channel, InetSocketAddress remote, WriteBatch batch) implements Flow {

    @Override
    public void send(WireMessage message) {
        batch.write(channel, new DatagramPacket(batch.direct(message.bytes()), remote));
    }

    @Override
    public boolean reliable() {
        return false;
    }

    @Override
    public String transport() {
        return "UDP";
    }
}
