package io.vpbx.media;

import io.vpbx.telephony.audio.G711;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A small RTP endpoint on 127.0.0.1 for tests: sends G.711 voice and RFC 4733 telephone events built by hand, and
 * receives and parses what vpbx sends. Deliberately independent of the media module's own packet code, so that a
 * bug there cannot hide behind the same bug here. Shared as a test-jar with the sip-core and server tests.
 */
public final class RtpPeer implements AutoCloseable {

    /** One received RTP packet, parsed field by field (RFC 3550 5.1). */
    public record Packet(InetSocketAddress from, int version, boolean marker, int payloadType, int sequence,
            int timestamp, int ssrc, byte[] payload) {

        /** RFC 4733: the event code, end bit and duration of a telephone-event payload. */
        public int event() {
            return payload[0] & 0xFF;
        }

        public boolean end() {
            return (payload[1] & 0x80) != 0;
        }

        public int duration() {
            return (payload[2] & 0xFF) << 8 | payload[3] & 0xFF;
        }
    }

    private final DatagramSocket socket;

    private RtpPeer(DatagramSocket socket) {
        this.socket = socket;
    }

    public static RtpPeer open() {
        try {
            return new RtpPeer(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public void sendRaw(byte[] datagram, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendAll(List<byte[]> datagrams, InetSocketAddress to) {
        datagrams.forEach(d -> sendRaw(d, to));
    }

    /** An RTP packet: V=2, no padding, extension or CSRC. */
    public static byte[] packet(boolean marker, int payloadType, int sequence, int timestamp, int ssrc,
            byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(12 + payload.length);
        buffer.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence)
                .putInt(timestamp).putInt(ssrc).put(payload);
        return buffer.array();
    }

    /** Voice packets of 20 ms each for the samples, numbered from {@code sequence} and {@code timestamp}. */
    public static List<byte[]> voice(Codec codec, short[] samples, int sequence, int timestamp, int ssrc) {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i * 160 < samples.length; i++) {
            short[] frame = Arrays.copyOfRange(samples, i * 160, i * 160 + 160);
            packets.add(packet(i == 0, codec.payloadType(), sequence + i, timestamp + i * 160, ssrc,
                    encode(frame, codec)));
        }
        return packets;
    }

    /** A telephone-event payload (RFC 4733 2.3): event, end bit, volume 10, duration in samples. */
    public static byte[] event(int event, boolean end, int duration) {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
    }

    /**
     * The packets of one digit as phones send them: 3 updates 50 ms apart (the first with the marker), then the end
     * packet three times, all at the event's {@code timestamp}.
     */
    public static List<byte[]> digit(int payloadType, int event, int sequence, int timestamp, int ssrc,
            boolean withEnd) {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            packets.add(packet(i == 0, payloadType, sequence++, timestamp, ssrc, event(event, false, 400 * (i + 1))));
        }
        for (int i = 0; withEnd && i < 3; i++) {
            packets.add(packet(false, payloadType, sequence++, timestamp, ssrc, event(event, true, 1600)));
        }
        return packets;
    }

    public static byte[] encode(short[] samples, Codec codec) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = codec == Codec.PCMU ? G711.linearToUlaw(samples[i]) : G711.linearToAlaw(samples[i]);
        }
        return out;
    }

    /** The voice in received packets, decoded and concatenated in arrival order. */
    public static short[] decode(List<Packet> packets, Codec codec) {
        int length = packets.stream().mapToInt(p -> p.payload().length).sum();
        short[] samples = new short[length];
        int at = 0;
        for (Packet packet : packets) {
            for (byte b : packet.payload()) {
                samples[at++] = codec == Codec.PCMU ? G711.ulawToLinear(b) : G711.alawToLinear(b);
            }
        }
        return samples;
    }

    /** Receives until nothing came for {@code quiet} (or {@code atMost} passed): what vpbx sent meanwhile. */
    public List<Packet> receiveUntilQuiet(Duration quiet, Duration atMost) {
        List<Packet> packets = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Packet> packet = receive(quiet);
            if (packet.isEmpty()) {
                break;
            }
            packets.add(packet.get());
        }
        return packets;
    }

    /** The next datagram as it came (RTCP, say), or empty after {@code timeout}. */
    public Optional<byte[]> receiveRaw(Duration timeout) {
        return receiveDatagram(timeout).map(d -> Arrays.copyOf(d.getData(), d.getLength()));
    }

    /** The next datagram parsed as RTP, or empty after {@code timeout}. */
    public Optional<Packet> receive(Duration timeout) {
        Optional<DatagramPacket> received = receiveDatagram(timeout);
        if (received.isEmpty()) {
            return Optional.empty();
        }
        DatagramPacket datagram = received.get();
        byte[] buffer = datagram.getData();
        ByteBuffer in = ByteBuffer.wrap(buffer, 0, datagram.getLength());
        int first = in.get() & 0xFF;
        int second = in.get() & 0xFF;
        int sequence = in.getShort() & 0xFFFF;
        int timestamp = in.getInt();
        int ssrc = in.getInt();
        byte[] payload = new byte[datagram.getLength() - 12];
        in.get(payload);
        return Optional.of(new Packet((InetSocketAddress) datagram.getSocketAddress(), first >> 6,
                (second & 0x80) != 0, second & 0x7F, sequence, timestamp, ssrc, payload));
    }

    private Optional<DatagramPacket> receiveDatagram(Duration timeout) {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            socket.receive(datagram);
            return Optional.of(datagram);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
