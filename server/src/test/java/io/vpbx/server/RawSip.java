package io.vpbx.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A SIP peer that writes raw bytes, as torture material needs (control bytes, broken start lines), over UDP or
 * TCP to 127.0.0.1, and reads back the first answer, or null when none comes within the wait.
 */
final class RawSip implements AutoCloseable {
    private final String transport;
    private final DatagramSocket udp;
    private final Socket tcp;
    private final int serverPort;

    RawSip(String transport, int serverPort) {
        this.transport = transport;
        this.serverPort = serverPort;
        try {
            if ("UDP".equals(transport)) {
                udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                tcp = null;
            } else {
                tcp = new Socket("127.0.0.1", serverPort);
                udp = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port} of this peer, for its Via and Contact. */
    String local() {
        return "127.0.0.1:" + (udp != null ? udp.getLocalPort() : tcp.getLocalPort());
    }

    String transport() {
        return transport;
    }

    /**
     * Sends {@code text} (ISO-8859-1, line breaks as written) and returns the first answer to it other than 100
     * (answers to earlier requests, such as retransmitted final answers, are skipped).
     */
    String exchange(String text, Duration wait) {
        int at = text.indexOf("\r\nCall-ID: ");
        String callId = text.substring(at, text.indexOf("\r\n", at + 2));
        send(text);
        while (true) {
            String answer = receive(wait);
            if (answer == null || !answer.startsWith("SIP/2.0 100 ") && answer.contains(callId + "\r\n")) {
                return answer;
            }
        }
    }

    void send(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            if (udp != null) {
                udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName("127.0.0.1"), serverPort));
            } else {
                tcp.getOutputStream().write(bytes);
                tcp.getOutputStream().flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message received (a response has no body here), or null after {@code wait}. */
    String receive(Duration wait) {
        try {
            if (udp != null) {
                udp.setSoTimeout((int) wait.toMillis());
                byte[] buffer = new byte[65_535];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            }
            tcp.setSoTimeout((int) wait.toMillis());
            InputStream in = tcp.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
                }
                head.write(b);
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n") && text.strip().length() > 0) {
                    return text;
                }
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (udp != null) {
                udp.close();
            } else {
                tcp.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
