package io.vpbx.server.kamailio;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** An OPTIONS to the server itself over UDP: how the harness knows Kamailio is up. */
final class SipProbe {
    private SipProbe() {
    }

    /** Sends one OPTIONS to 127.0.0.1:{@code port} and returns the reply's text, or null when none came within the socket's timeout. */
    static String options(DatagramSocket socket, int port, int probe) throws IOException {
        String local = Kamailio.HOST + ":" + socket.getLocalPort();
        String request = "OPTIONS sip:" + Kamailio.HOST + ":" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + local + ";branch=z9hG4bK-probe-" + probe + "-" + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@" + local + ">;tag=probe\r\n"
                + "To: <sip:" + Kamailio.HOST + ":" + port + ">\r\n"
                + "Call-ID: probe-" + probe + "-" + System.nanoTime() + "@" + Kamailio.HOST + "\r\n"
                + "CSeq: " + probe + " OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(Kamailio.HOST), port));
        byte[] buffer = new byte[65_535];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(reply);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
    }
}
