package io.vpbx.server.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare SIP user agent over UDP that answers one digest challenge (401 or 407) with MD5 or SHA-256 (RFC 8760):
 * SIPp answers MD5 only, and the operator's SHA-256 challenges are to be proven answerable. REGISTER, and
 * INVITE without SDP up to a non-2xx final response (which it ACKs): enough to reach a registrar and a gateway.
 * Every request of one client shares its Call-ID, with CSeq counting up, as a registration's refreshes do.
 */
final class DigestClient implements AutoCloseable {
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");
    private static final Pattern TO_HEADER = Pattern.compile("(?im)^To: (.*)$");
    private static final int RETRANSMIT_MILLIS = 500;

    private final int serverPort;
    private final String user;
    private final String password;
    private final DigestAlgorithm algorithm;
    private final DatagramSocket socket;
    private final Duration timeout;
    private final String callId = "digest-" + System.nanoTime() + "@" + Kamailio.HOST;
    private int cseq;

    DigestClient(int serverPort, String user, String password, DigestAlgorithm algorithm) {
        this(serverPort, user, password, algorithm, Duration.ofSeconds(5));
    }

    /** @param timeout how long a request waits for its final response (it is retransmitted every 500 ms until a first answer) */
    DigestClient(int serverPort, String user, String password, DigestAlgorithm algorithm, Duration timeout) {
        this.serverPort = serverPort;
        this.user = user;
        this.password = password;
        this.algorithm = algorithm;
        this.timeout = timeout;
        try {
            this.socket = new DatagramSocket(0, InetAddress.getByName(Kamailio.HOST));
            socket.setSoTimeout(RETRANSMIT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contact this client registers: sip:user@127.0.0.1:its port. */
    String contact() {
        return "sip:" + user + "@" + Kamailio.HOST + ":" + socket.getLocalPort();
    }

    /** REGISTER with {@code expires}, answering the challenge. */
    Exchange register(int expires) {
        String uri = "sip:" + Kamailio.HOST + ":" + serverPort;
        String headers = "Contact: <" + contact() + ">\r\nExpires: " + expires + "\r\n";
        return exchange("REGISTER", uri, "sip:" + user + "@" + Kamailio.HOST, headers);
    }

    /** INVITE to {@code dialled} at the server, answering the challenge; the final response should be a non-2xx. */
    Exchange invite(String dialled) {
        String uri = "sip:" + dialled + "@" + Kamailio.HOST + ":" + serverPort;
        return exchange("INVITE", uri, uri, "Contact: <" + contact() + ">\r\n");
    }

    private Exchange exchange(String method, String uri, String to, String headers) {
        String first = send(method, uri, to, headers, "");
        int status = status(first);
        if (status != 401 && status != 407) {
            return new Exchange(null, first);
        }
        String challenge = header(first, status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate");
        String credentials = (status == 401 ? "Authorization: " : "Proxy-Authorization: ") + answer(challenge, method, uri) + "\r\n";
        return new Exchange(first, send(method, uri, to, headers, credentials));
    }

    /** Sends the request and returns its final response (null when none came), ACKing it when the request is an INVITE. */
    private String send(String method, String uri, String to, String headers, String credentials) {
        cseq++;
        String branch = "z9hG4bK-digest-" + cseq + "-" + System.nanoTime();
        String local = Kamailio.HOST + ":" + socket.getLocalPort();
        String common = "Via: SIP/2.0/UDP " + local + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + Kamailio.HOST + ">;tag=digest\r\n";
        String ids = "Call-ID: " + callId + "\r\n";
        String response = receiveFinal(method + " " + uri + " SIP/2.0\r\n" + common + "To: <" + to + ">\r\n" + ids
                + "CSeq: " + cseq + " " + method + "\r\n" + headers + credentials + "Content-Length: 0\r\n\r\n");
        if ("INVITE".equals(method) && response != null) {
            Matcher toHeader = TO_HEADER.matcher(response);
            String toWithTag = toHeader.find() ? toHeader.group(1).trim() : "<" + to + ">";
            transmit("ACK " + uri + " SIP/2.0\r\n" + common + "To: " + toWithTag + "\r\n" + ids + "CSeq: " + cseq + " ACK\r\n"
                    + "Content-Length: 0\r\n\r\n");
        }
        return response;
    }

    /** The Authorization value for {@code challenge}: RFC 2617 section 3.2.2, with qop=auth when offered. */
    private String answer(String challenge, String method, String uri) {
        String realm = parameter(challenge, "realm");
        String nonce = parameter(challenge, "nonce");
        String qop = parameter(challenge, "qop");
        String opaque = parameter(challenge, "opaque");
        String ha1 = algorithm.hash(user + ":" + realm + ":" + password);
        String ha2 = algorithm.hash(method + ":" + uri);
        StringBuilder value = new StringBuilder("Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", algorithm=" + algorithm.sipName());
        if (qop != null && qop.contains("auth")) {
            String cnonce = Long.toHexString(System.nanoTime());
            String nc = "00000001";
            value.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(algorithm.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            value.append(", response=\"").append(algorithm.hash(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (opaque != null) {
            value.append(", opaque=\"").append(opaque).append('"');
        }
        return value.toString();
    }

    private void transmit(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(Kamailio.HOST), serverPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code request} and returns its final response, retransmitting it every 500 ms until something answers
     * (the peer may still be binding its socket); null when no final response came within the timeout.
     */
    private String receiveFinal(String request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean answered = false;
        transmit(request);
        byte[] buffer = new byte[65_535];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                if (!answered) {
                    transmit(request);
                }
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            answered = true;
            String response = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
            if (status(response) >= 200) {
                return response;
            }
        }
        return null;
    }

    static int status(String response) {
        if (response == null) {
            return -1;
        }
        Matcher matcher = STATUS.matcher(response);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** The value of the first {@code name} header of {@code message}, or null. */
    static String header(String message, String name) {
        if (message == null) {
            return null;
        }
        Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** A digest parameter, quoted or not, of a challenge. */
    static String parameter(String challenge, String name) {
        Matcher matcher = Pattern.compile("(?i)[\\s,]" + name + "=(\"([^\"]*)\"|[^\\s,]+)").matcher(challenge);
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }

    @Override
    public void close() {
        socket.close();
    }

    /**
     * @param challenge the 401 or 407 (null when the server did not challenge)
     * @param response the final response to the request sent last, null when none came within the timeout
     */
    record Exchange(String challenge, String response) {
        int status() {
            return DigestClient.status(response);
        }
    }
}
