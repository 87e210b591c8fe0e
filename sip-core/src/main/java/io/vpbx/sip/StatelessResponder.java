package io.vpbx.sip;

import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.AnswerChecks;
import io.vpbx.sip.wire.AnswerChecks.RequestLine;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.HeaderLimits;
import io.vpbx.sip.wire.IpLiteral;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.Via;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A stateless UAS (RFC 3261 section 8.2.7) for the time before call routing exists: it answers OPTIONS
 * with 200, REGISTER through the {@link RegistrarService} when there is one, every other request but ACK
 * with 501, and malformed requests with 400 naming the problem. It reads the request the proxy read
 * ({@link WireMessage}, with {@link AnswerChecks} for what only an answer needs) and writes each answer from the
 * request's bytes: its Via, From, To, Call-ID and CSeq lines copied, nothing parsed twice.
 *
 * <p>A response can reach its sender and be matched by the sender's client transaction only with a
 * readable top Via (where to send it, section 18.2.2, and the branch) and a CSeq (the method,
 * section 17.1.3); a request without either is dropped, as are responses, which have no transaction
 * here to match. Every other defect, a missing From, To or Call-ID included, is answered with 400
 * carrying whatever of those headers the request had. More header fields than {@link HeaderLimits} allow is
 * such a defect, checked first; a message with too many that cannot be answered is dropped as
 * {@link DropReason#TOO_MANY_HEADERS}.
 *
 * <p>The top Via of every response is stamped as section 18.2.1 and RFC 3581 section 4 say: with
 * {@code received} when the sent-by host is not the source address (or whenever {@code rport} is
 * asked for), and with {@code rport} set to the source port when asked for.
 */
public final class StatelessResponder {

    static final String OPTIONS = "OPTIONS";
    static final String ACK = "ACK";
    static final String REGISTER = RegistrarService.METHOD;
    /** Methods answered with something other than 501 for now. */
    static final String ALLOW = OPTIONS;
    static final String ALLOW_WITH_REGISTRAR = OPTIONS + ", " + REGISTER;
    static final String ACCEPT = "application/sdp";
    static final String ACCEPT_ENCODING = "identity";
    static final String ACCEPT_LANGUAGE = "en";
    /** No option tags: no extension is supported yet (RFC 3261 section 20.37, an empty list). */
    static final String SUPPORTED = "";
    static final String NOT_IMPLEMENTED = "Not Implemented";
    /** Seconds before a draining node is worth asking again: about what a restart takes. */
    static final String DRAINING_RETRY_AFTER = "30";

    private static final int SECRET_BYTES = 16;
    private static final int TAG_BYTES = 8;

    private final String serverName;
    private final HeaderLimits limits;
    private final Optional<RegistrarService> registrar;
    private final byte[] tagSecret;
    private final BooleanSupplier draining;

    /**
     * @param serverName the value of the Server header of every response
     * @param maxHeaders most header fields a request may carry before it gets 400 ({@code sip.max-headers})
     */
    public StatelessResponder(String serverName, int maxHeaders) {
        this(serverName, maxHeaders, Optional.empty());
    }

    /**
     * @param serverName the value of the Server header of every response
     * @param maxHeaders most header fields a request may carry before it gets 400 ({@code sip.max-headers})
     * @param registrar answers REGISTER; without one REGISTER gets 501 like any other method
     */
    public StatelessResponder(String serverName, int maxHeaders, Optional<RegistrarService> registrar) {
        this(serverName, maxHeaders, registrar, () -> false);
    }

    /**
     * @param draining true while this node is taken out of service: OPTIONS gets 503, so that a dispatcher probing
     *                 with OPTIONS stops sending new calls here ({@link Drain})
     */
    public StatelessResponder(String serverName, int maxHeaders, Optional<RegistrarService> registrar, BooleanSupplier draining) {
        this.draining = draining;
        this.serverName = serverName;
        this.limits = new HeaderLimits(maxHeaders);
        this.registrar = registrar;
        this.tagSecret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(tagSecret);
    }

    /**
     * Decides what to send back for one framed message, as the proxy read it.
     *
     * @param message the whole message, as framed by the transport and read by {@link WireMessage#parse}
     * @param source the address and port the message came from
     */
    public Outcome respond(WireMessage message, InetSocketAddress source) {
        if (message.isKeepAlive()) {
            return new Outcome.NoReply("keep-alive");
        }
        Optional<String> tooMany = limits.check(message);
        if (AnswerChecks.isResponse(message)) {
            return tooMany.isPresent()
                    ? new Outcome.Drop(DropReason.TOO_MANY_HEADERS, "a response with " + tooMany.get())
                    : new Outcome.Drop(DropReason.RESPONSE, "a response with no transaction to match");
        }
        RequestLine line = AnswerChecks.requestLine(message);
        if (line != null && line.method().equals(ACK)) {
            return tooMany.isPresent()
                    ? new Outcome.Drop(DropReason.TOO_MANY_HEADERS, "an ACK with " + tooMany.get())
                    : new Outcome.NoReply("ACK is never answered");
        }
        Via topVia = AnswerChecks.topVia(message);
        if (topVia == null || message.first(HeaderId.CSEQ) == null) {
            if (tooMany.isPresent()) {
                return new Outcome.Drop(DropReason.TOO_MANY_HEADERS, "an unanswerable request with " + tooMany.get());
            }
            DropReason reason = line == null ? DropReason.MALFORMED : DropReason.UNANSWERABLE;
            return new Outcome.Drop(reason, topVia == null ? "no readable Via" : "no CSeq");
        }
        Answer answer = new Answer(message, topVia, stamp(message.vias().get(0), topVia, source));
        if (tooMany.isPresent()) {
            return answer.with(400, "Bad Request (" + tooMany.get() + ")");
        }
        if (line == null) {
            return answer.with(400, "Bad Request (malformed request line)");
        }
        if (!line.isSip20()) {
            return answer.with(505, "Version Not Supported");
        }
        String problem = AnswerChecks.problem(message, line.method());
        if (problem != null) {
            return answer.with(400, "Bad Request (" + problem + ")");
        }
        if (line.method().equals(OPTIONS) && draining.getAsBoolean()) {
            return answer.with(503, "Service Unavailable", "Retry-After", DRAINING_RETRY_AFTER);
        }
        if (line.method().equals(OPTIONS)) {
            return answer.with(200, "OK", "Allow", registrar.isPresent() ? ALLOW_WITH_REGISTRAR : ALLOW,
                    "Accept", ACCEPT, "Accept-Encoding", ACCEPT_ENCODING, "Accept-Language", ACCEPT_LANGUAGE,
                    "Supported", SUPPORTED);
        }
        if (line.method().equals(REGISTER) && registrar.isPresent()) {
            RegistrarService.Response response = registrar.get().register(message, source);
            return answer.with(response.status(), response.reasonPhrase(), response.headers().toArray(String[]::new));
        }
        return answer.with(501, NOT_IMPLEMENTED);
    }

    /** A response to one request, written from its bytes with the stamped top Via (section 8.2.6.2). */
    private final class Answer {
        private final WireMessage request;
        private final Via topVia;
        private final String stampedVia;

        Answer(WireMessage request, Via topVia, String stampedVia) {
            this.request = request;
            this.topVia = topVia;
            this.stampedVia = stampedVia;
        }

        /** @param headers fields after the copied ones, name and value alternating */
        Outcome with(int status, String reasonPhrase, String... headers) {
            String[] extra = new String[headers.length + 2];
            System.arraycopy(headers, 0, extra, 0, headers.length);
            extra[headers.length] = "Server";
            extra[headers.length + 1] = serverName;
            String toTag = request.toTag() == null ? toTag(request, topVia) : null;
            byte[] bytes = Rewrites.response(request, stampedVia, status, reasonPhrase, toTag, extra);
            return new Outcome.Reply(status, reasonPhrase, bytes);
        }
    }

    /**
     * RFC 3261 section 8.2.7: a stateless UAS makes the To tag from the request, so that a retransmission
     * gets the same tag; the secret keeps the tag unguessable (section 19.3).
     */
    private String toTag(WireMessage request, Via topVia) {
        MessageDigest digest = sha256();
        digest.update(tagSecret);
        String[] parts = {request.callId(), request.fromTag(), request.first(HeaderId.CSEQ), topVia.branch()};
        for (String part : parts) {
            digest.update((part == null ? "" : part).getBytes(StandardCharsets.ISO_8859_1));
            digest.update((byte) 0);
        }
        byte[] hash = digest.digest();
        return HexFormat.of().formatHex(hash, 0, TAG_BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * RFC 3261 section 18.2.1 and RFC 3581 section 4: {@code rport} filled in where it is asked for, {@code received}
     * set when sent-by is not the source address or rport was asked for; each in place when the Via has it already.
     */
    static String stamp(String topVia, Via read, InetSocketAddress source) {
        InetAddress address = source.getAddress();
        List<String> pieces = new ArrayList<>(Addresses.split(topVia, ';'));
        boolean rport = indexOf(pieces, "rport") > 0;
        if (rport) {
            set(pieces, "rport", Integer.toString(source.getPort()));
        }
        if (rport || !address.equals(IpLiteral.parse(read.host()))) {
            set(pieces, "received", withoutScope(address.getHostAddress()));
        }
        return String.join(";", pieces);
    }

    /** Index of the parameter {@code name} among a Via's pieces (the first is sent-protocol and sent-by), or -1. */
    private static int indexOf(List<String> pieces, String name) {
        for (int i = 1; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            int equals = piece.indexOf('=');
            if (name.equalsIgnoreCase((equals < 0 ? piece : piece.substring(0, equals)).strip())) {
                return i;
            }
        }
        return -1;
    }

    private static void set(List<String> pieces, String name, String value) {
        int at = indexOf(pieces, name);
        if (at > 0) {
            pieces.set(at, name + "=" + value);
        } else {
            pieces.add(name + "=" + value);
        }
    }

    private static String withoutScope(String hostAddress) {
        int percent = hostAddress.indexOf('%');
        return percent < 0 ? hostAddress : hostAddress.substring(0, percent);
    }
}
