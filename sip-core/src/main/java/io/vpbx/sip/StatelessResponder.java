package io.vpbx.sip;

import io.vpbx.sip.message.AddressValue;
import io.vpbx.sip.message.HeaderField;
import io.vpbx.sip.message.HeaderLimits;
import io.vpbx.sip.message.HeaderName;
import io.vpbx.sip.message.SipMessage;
import io.vpbx.sip.message.SipMessageReader;
import io.vpbx.sip.message.StartLine.RequestLine;
import io.vpbx.sip.message.StartLine.StatusLine;
import io.vpbx.sip.message.ViaValue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A stateless UAS (RFC 3261 section 8.2.7) for the time before call routing exists: it answers OPTIONS
 * with 200, REGISTER through the {@link RegistrarService} when there is one, every other request but ACK
 * with 501, and malformed requests with 400 naming the problem.
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

    /**
     * RFC 3261 section 8.1.1, in its order, but Max-Forwards: a request without one is taken as if it said 70, for
     * every method, as a proxy forwarding it adds 70 (section 16.6 step 3; docs/adr/0012).
     */
    private static final List<String> MANDATORY = List.of(HeaderName.TO, HeaderName.FROM, HeaderName.CSEQ,
            HeaderName.CALL_ID, HeaderName.VIA);
    private static final List<String> SINGLE_VALUED = List.of(HeaderName.TO, HeaderName.FROM, HeaderName.CSEQ,
            HeaderName.CALL_ID, HeaderName.MAX_FORWARDS, HeaderName.CONTENT_LENGTH);
    private static final int MAX_MAX_FORWARDS = 255;
    private static final long MAX_CSEQ = (1L << 31) - 1;
    private static final int SECRET_BYTES = 16;
    private static final int TAG_BYTES = 8;

    private final String serverName;
    private final HeaderLimits limits;
    private final Optional<RegistrarService> registrar;
    private final byte[] tagSecret;

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
        this.serverName = serverName;
        this.limits = new HeaderLimits(maxHeaders);
        this.registrar = registrar;
        this.tagSecret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(tagSecret);
    }

    /**
     * Decides what to send back for one framed message.
     *
     * @param message the whole message, as framed by the transport
     * @param source the address and port the message came from
     */
    public Outcome respond(byte[] message, InetSocketAddress source) {
        if (isKeepAlive(message)) {
            return new Outcome.NoReply("keep-alive");
        }
        SipMessage request = SipMessageReader.read(message);
        Optional<String> tooMany = limits.check(request);
        if (request.startLine() instanceof StatusLine) {
            return tooMany.isPresent()
                    ? new Outcome.Drop(DropReason.TOO_MANY_HEADERS, "a response with " + tooMany.get())
                    : new Outcome.Drop(DropReason.RESPONSE, "a response with no transaction to match");
        }
        RequestLine line = request.startLine() instanceof RequestLine r ? r : null;
        if (line != null && line.method().equals(ACK)) {
            return tooMany.isPresent()
                    ? new Outcome.Drop(DropReason.TOO_MANY_HEADERS, "an ACK with " + tooMany.get())
                    : new Outcome.NoReply("ACK is never answered");
        }
        Optional<ViaValue> topVia = request.viaValues().stream().findFirst().flatMap(ViaValue::parse);
        if (topVia.isEmpty() || request.count(HeaderName.CSEQ) == 0) {
            if (tooMany.isPresent()) {
                return new Outcome.Drop(DropReason.TOO_MANY_HEADERS, "an unanswerable request with " + tooMany.get());
            }
            DropReason reason = line == null ? DropReason.MALFORMED : DropReason.UNANSWERABLE;
            return new Outcome.Drop(reason, topVia.isEmpty() ? "no readable Via" : "no CSeq");
        }
        ViaValue stampedVia = stamp(topVia.get(), source);
        if (tooMany.isPresent()) {
            return answer(request, stampedVia, 400, "Bad Request (" + tooMany.get() + ")");
        }
        if (line == null) {
            return answer(request, stampedVia, 400, "Bad Request (malformed request line)");
        }
        if (!line.isSip20()) {
            return answer(request, stampedVia, 505, "Version Not Supported");
        }
        Optional<String> problem = problem(request, line);
        if (problem.isPresent()) {
            return answer(request, stampedVia, 400, "Bad Request (" + problem.get() + ")");
        }
        if (line.method().equals(OPTIONS)) {
            List<HeaderField> capabilities = List.of(
                    new HeaderField("Allow", registrar.isPresent() ? ALLOW_WITH_REGISTRAR : ALLOW),
                    new HeaderField("Accept", ACCEPT),
                    new HeaderField("Accept-Encoding", ACCEPT_ENCODING),
                    new HeaderField("Accept-Language", ACCEPT_LANGUAGE),
                    new HeaderField(HeaderName.SUPPORTED, SUPPORTED));
            return answer(request, stampedVia, 200, "OK", capabilities);
        }
        if (line.method().equals(REGISTER) && registrar.isPresent()) {
            RegistrarService.Response response = registrar.get().register(request, source);
            return answer(request, stampedVia, response.status(), response.reasonPhrase(), response.headers());
        }
        return answer(request, stampedVia, 501, NOT_IMPLEMENTED);
    }

    private static boolean isKeepAlive(byte[] message) {
        for (byte b : message) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The sanity checks of a request that can be answered: the first failure, named for the reason phrase. */
    private static Optional<String> problem(SipMessage request, RequestLine line) {
        if (request.problem().isPresent()) {
            return request.problem();
        }
        for (String name : MANDATORY) {
            if (request.count(name) == 0) {
                return Optional.of("missing " + name);
            }
        }
        for (String name : SINGLE_VALUED) {
            if (request.count(name) > 1) {
                return Optional.of("duplicate " + name);
            }
        }
        String[] cseq = request.first(HeaderName.CSEQ).orElseThrow().split("\\s+");
        if (cseq.length != 2 || !isNumberUpTo(cseq[0], MAX_CSEQ)) {
            return Optional.of("malformed CSeq");
        }
        if (!cseq[1].equals(line.method())) {
            return Optional.of("CSeq method does not match the request method");
        }
        Optional<String> maxForwards = request.first(HeaderName.MAX_FORWARDS);
        if (maxForwards.isPresent() && !isNumberUpTo(maxForwards.get(), MAX_MAX_FORWARDS)) {
            return Optional.of("malformed Max-Forwards");
        }
        Optional<String> contentLength = request.first(HeaderName.CONTENT_LENGTH);
        if (contentLength.isPresent()) {
            if (!isNumberUpTo(contentLength.get(), Integer.MAX_VALUE)) {
                return Optional.of("malformed Content-Length");
            }
            if (Long.parseLong(contentLength.get()) > request.bodyLength()) {
                return Optional.of("body shorter than Content-Length");
            }
        }
        return Optional.empty();
    }

    private static boolean isNumberUpTo(String text, long max) {
        if (text.isEmpty() || text.length() > 10) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(text) <= max;
    }

    private Outcome answer(SipMessage request, ViaValue stampedVia, int status, String reasonPhrase) {
        return answer(request, stampedVia, status, reasonPhrase, List.of());
    }

    private Outcome answer(SipMessage request, ViaValue stampedVia, int status, String reasonPhrase, List<HeaderField> extra) {
        ResponseBuilder response = new ResponseBuilder(status, reasonPhrase);
        List<String> vias = request.viaValues();
        response.header(HeaderName.VIA, stampedVia.text());
        for (String via : vias.subList(1, vias.size())) {
            response.header(HeaderName.VIA, via);
        }
        request.first(HeaderName.FROM).ifPresent(from -> response.header(HeaderName.FROM, from));
        request.first(HeaderName.TO).ifPresent(to -> response.header(HeaderName.TO,
                status == 100 || AddressValue.tag(to).isPresent() ? to : to + ";tag=" + toTag(request, stampedVia)));
        request.first(HeaderName.CALL_ID).ifPresent(callId -> response.header(HeaderName.CALL_ID, callId));
        request.first(HeaderName.CSEQ).ifPresent(cseq -> response.header(HeaderName.CSEQ, cseq));
        for (HeaderField field : extra) {
            response.header(field.name(), field.value());
        }
        response.header("Server", serverName);
        return new Outcome.Reply(status, reasonPhrase, response.build());
    }

    /**
     * RFC 3261 section 8.2.7: a stateless UAS makes the To tag from the request, so that a retransmission
     * gets the same tag; the secret keeps the tag unguessable (section 19.3).
     */
    private String toTag(SipMessage request, ViaValue topVia) {
        MessageDigest digest = sha256();
        digest.update(tagSecret);
        for (String part : new String[] {
                request.first(HeaderName.CALL_ID).orElse(""),
                request.first(HeaderName.FROM).flatMap(AddressValue::tag).orElse(""),
                request.first(HeaderName.CSEQ).orElse(""),
                topVia.parameter("branch").orElse("")}) {
            digest.update(part.getBytes(StandardCharsets.ISO_8859_1));
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

    /** RFC 3261 section 18.2.1 and RFC 3581 section 4. */
    static ViaValue stamp(ViaValue topVia, InetSocketAddress source) {
        InetAddress address = source.getAddress();
        boolean rport = topVia.hasParameter("rport");
        ViaValue stamped = rport ? topVia.withParameter("rport", Integer.toString(source.getPort())) : topVia;
        if (rport || !isSameAddress(topVia.host(), address)) {
            stamped = stamped.withParameter("received", withoutScope(address.getHostAddress()));
        }
        return stamped;
    }

    /**
     * Whether a sent-by host is the given IP address. Only IP literals can be; a domain name never is
     * (section 18.2.1) and is never looked up.
     */
    private static boolean isSameAddress(String host, InetAddress address) {
        if (host.startsWith("[")) {
            if (host.indexOf(':') < 0) {
                return false;
            }
            try {
                // A bracketed literal with a colon is parsed as an IPv6 address, never resolved.
                return InetAddress.getByName(host).equals(address);
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return host.equals(address.getHostAddress());
    }

    private static String withoutScope(String hostAddress) {
        int percent = hostAddress.indexOf('%');
        return percent < 0 ? hostAddress : hostAddress.substring(0, percent);
    }
}
