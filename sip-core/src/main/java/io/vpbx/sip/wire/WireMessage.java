package io.vpbx.sip.wire;

import io.vpbx.sip.transaction.SipMessageView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A SIP message as the proxy holds it: the text as received (or the bytes as built to be sent), and the few
 * header fields that routing and the transaction layer read, located but not copied. Everything else is spliced
 * through as bytes, as a proxy that only forwards needs (the decision is recorded in docs/adr/0006).
 *
 * <p>The text is read as ISO-8859-1, one char per byte, so offsets into the text are offsets into the bytes
 * and every value copied out comes back byte for byte; a received message is decoded so by its transport and
 * kept as that one copy, its bytes made only if something asks for them. Header lines may end in CRLF or bare LF; folded
 * lines belong to the field above them.
 *
 * <p>{@link #parse} never throws: a message it cannot use has a {@link #problem()}, and the caller hands
 * it to the stateless responder, which decides between 400 and dropping it.
 */
public final class WireMessage implements SipMessageView {

    private static final String SIP_20 = "SIP/2.0";
    private static final int UNREAD = -2;
    private static final HeaderLine[] NO_LINES = new HeaderLine[0];
    private static final int HEADER_IDS = HeaderId.values().length;

    /**
     * Null for a message read from the text it was received as, until something asks for its bytes: a received
     * message is spliced from its text into what is sent, so it needs no second copy of itself as bytes.
     */
    private byte[] bytes;
    /** Null for a message this process built, until something reads its headers: then it is parsed once. */
    private String text;
    private final boolean request;
    private final String method;
    private final String requestUri;
    private final int statusCode;
    /** Where the start line is in the text (without its line break). */
    private int startLineStart;
    private int startLineEnd;
    private HeaderLine[] lines;
    /** The first line of each header id (by ordinal), or null: what the proxy reads is found without a scan. */
    private HeaderLine[] firstOf;
    private int bodyStart;
    /** Where the body ends: Content-Length bytes after its start, or the end of the bytes (section 18.3). */
    private int bodyEnd;
    private String problem;
    /** The first defect of the header section itself (a line that is no header field), even after a start line's. */
    private String headerSectionProblem;
    private Via topVia;
    /** The Via this process put on top of a request it built, read when first asked for (a forwarded ACK never is). */
    private String ourVia;
    private String topViaSentBy;
    private String cseqMethod;
    private long cseqNumber = -1;
    private int maxForwards = UNREAD;
    /** The Request-URI as a SIP URI, once read (the checks, the routing and the hops each ask for it). */
    private SipUri requestSipUri;
    private boolean requestSipUriRead;
    /** The From and To tags, once read (several steps ask for them; either may be null). */
    private String fromTag;
    private String toTag;
    private boolean fromTagRead;
    private boolean toTagRead;

    private WireMessage(byte[] bytes, String text, boolean request, String method, String requestUri, int statusCode,
                        HeaderLine[] lines, int bodyStart, String problem) {
        this.bytes = bytes;
        this.text = text;
        this.request = request;
        this.method = method;
        this.requestUri = requestUri;
        this.statusCode = statusCode;
        this.lines = lines;
        this.bodyStart = bodyStart;
        this.bodyEnd = bytes != null ? bytes.length : text.length();
        this.problem = problem;
    }

    /** Reads the start line and locates the header fields of one framed message. */
    public static WireMessage parse(byte[] bytes) {
        return parse(new String(bytes, StandardCharsets.ISO_8859_1), bytes);
    }

    /**
     * As {@link #parse(byte[])}, for a message received as text: each char one byte of it (ISO-8859-1), as a
     * transport decodes a datagram. Its bytes are made from the text only if asked for.
     */
    public static WireMessage parse(String text) {
        return parse(text, null);
    }

    private static WireMessage parse(String text, byte[] bytes) {
        int length = text.length();
        int position = 0;
        while (position < length && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
            position++;
        }
        int startEnd = lineEnd(text, position);
        int startLineStart = position;
        int startLineEnd = contentEnd(text, position, startEnd);
        boolean request = true;
        String method = null;
        String uri = null;
        int status = 0;
        String problem = null;
        if (text.startsWith(SIP_20, startLineStart) && startLineStart + SIP_20.length() < startLineEnd
                && text.charAt(startLineStart + SIP_20.length()) == ' ') {
            request = false;
            status = statusOf(text, startLineStart, startLineEnd);
            if (status < 100) {
                problem = "malformed status line";
            }
        } else {
            int firstSpace = text.indexOf(' ', startLineStart);
            firstSpace = firstSpace < startLineEnd ? firstSpace : -1;
            int lastSpace = text.lastIndexOf(' ', startLineEnd - 1);
            lastSpace = lastSpace >= startLineStart ? lastSpace : -1;
            if (firstSpace <= startLineStart || lastSpace <= firstSpace + 1 || startLineEnd - lastSpace - 1 != SIP_20.length()
                    || !text.startsWith(SIP_20, lastSpace + 1)) {
                problem = "malformed request line";
            } else {
                method = Methods.read(text, startLineStart, firstSpace);
                uri = text.substring(firstSpace + 1, lastSpace);
                if (uri.indexOf(' ') >= 0) {
                    problem = "malformed request line";
                }
            }
        }
        position = Math.min(startEnd + 1, length);
        // sized by a first scan, so that the array kept is the one filled: no scratch array and no copy per message
        int headerLines = countHeaderLines(text, position);
        HeaderLine[] found = headerLines == 0 ? NO_LINES : new HeaderLine[headerLines];
        HeaderLine[] firstOf = new HeaderLine[HEADER_IDS];
        int count = 0;
        int bodyStart = length;
        String headerSectionProblem = null;
        while (position < length) {
            int end = lineEnd(text, position);
            int contentEnd = contentEnd(text, position, end);
            if (contentEnd == position) {
                bodyStart = Math.min(end + 1, length);
                break;
            }
            char first = text.charAt(position);
            int next = Math.min(end + 1, length);
            if (first == ' ' || first == '\t') {
                if (count == 0 && headerSectionProblem == null) {
                    headerSectionProblem = "continuation line before any header";
                } else if (count > 0) {
                    found[count - 1].extend(contentEnd, next);
                }
            } else {
                int colon = text.indexOf(':', position);
                if (colon < 0 || colon > contentEnd) {
                    if (headerSectionProblem == null) {
                        headerSectionProblem = "malformed header line";
                    }
                } else {
                    int nameEnd = colon;
                    while (nameEnd > position && (text.charAt(nameEnd - 1) == ' ' || text.charAt(nameEnd - 1) == '\t')) {
                        nameEnd--;
                    }
                    int valueStart = colon + 1;
                    while (valueStart < contentEnd && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
                        valueStart++;
                    }
                    HeaderLine line = new HeaderLine(HeaderId.of(text, position, nameEnd), position, valueStart, contentEnd, next);
                    found[count++] = line;
                    if (firstOf[line.id().ordinal()] == null) {
                        firstOf[line.id().ordinal()] = line;
                    }
                }
            }
            position = next;
        }
        WireMessage message = new WireMessage(bytes, text, request, method, uri, status,
                count == found.length ? found : Arrays.copyOf(found, count), bodyStart,
                problem == null ? headerSectionProblem : problem);
        message.headerSectionProblem = headerSectionProblem;
        message.startLineStart = startLineStart;
        message.startLineEnd = startLineEnd;
        message.firstOf = firstOf;
        message.check();
        return message;
    }

    /**
     * A request this process built by forwarding {@code original}: what the transaction layer reads is known
     * (method, our Via, CSeq), so the bytes are read back only if a header is asked for (a CANCEL built from it).
     */
    public static WireMessage forwarded(byte[] bytes, WireMessage original, String requestUri, String via) {
        WireMessage message = new WireMessage(bytes, null, true, original.method(), requestUri, 0, null, 0, null);
        message.ourVia = via;
        message.cseqMethod = original.cseqMethod;
        message.cseqNumber = original.cseqNumber;
        return message;
    }

    /** A response this process built or relayed for {@code request}'s transaction; read back only if asked. */
    public static WireMessage response(byte[] bytes, int status, WireMessage request) {
        WireMessage message = new WireMessage(bytes, null, false, null, null, status, null, 0, null);
        message.cseqMethod = request.cseqMethod;
        message.cseqNumber = request.cseqNumber;
        return message;
    }

    /** Reads the headers of a built message the first time they are needed. */
    private void ensureRead() {
        if (lines != null) {
            return;
        }
        WireMessage read = text != null ? parse(text) : parse(bytes);
        text = read.text;
        startLineStart = read.startLineStart;
        startLineEnd = read.startLineEnd;
        lines = read.lines;
        firstOf = read.firstOf;
        bodyStart = read.bodyStart;
        bodyEnd = read.bodyEnd;
        headerSectionProblem = read.headerSectionProblem;
        maxForwards = read.maxForwards;
        if (topVia == null) {
            topVia = read.topVia;
        }
    }

    private void check() {
        if (problem != null) {
            return;
        }
        HeaderLine via = line(HeaderId.VIA);
        if (via == null) {
            problem = "missing Via";
            return;
        }
        topVia = via.isFolded() ? Via.parse(firstValue(via.value(text)))
                : Via.parse(text, via.valueStart(), Addresses.firstValueEnd(text, via.valueStart(), via.valueEnd()));
        if (topVia == null) {
            problem = "malformed Via";
            return;
        }
        HeaderLine cseq = line(HeaderId.CSEQ);
        if (cseq == null) {
            problem = "missing CSeq";
            return;
        }
        if (!readCSeq(cseq)) {
            problem = "malformed CSeq";
            return;
        }
        if (request && !cseqMethod.equals(method) && !("ACK".equals(method) || "CANCEL".equals(method))) {
            problem = "CSeq method does not match the request method";
            return;
        }
        if (line(HeaderId.CALL_ID) == null || line(HeaderId.FROM) == null || line(HeaderId.TO) == null) {
            problem = "missing Call-ID, From or To";
            return;
        }
        if (line(HeaderId.MAX_FORWARDS) != null && maxForwardsValue() < 0) {
            problem = "malformed Max-Forwards";
            return;
        }
        HeaderLine contentLength = line(HeaderId.CONTENT_LENGTH);
        if (contentLength != null) {
            String folded = contentLength.isFolded() ? contentLength.value(text) : null;
            long length = folded != null ? Text.digits(folded, 0, folded.length(), 10)
                    : Text.digits(text, contentLength.valueStart(), Text.trimEnd(text, contentLength.valueStart(),
                    contentLength.valueEnd()), 10);
            if (length < 0) {
                problem = "malformed Content-Length";
            } else if (length > text.length() - bodyStart) {
                problem = "body shorter than Content-Length";
            } else {
                // section 18.3: bytes of a datagram after Content-Length are not part of the message
                bodyEnd = bodyStart + (int) length;
            }
        }
    }

    /** CSeq: a number up to 2^32 - 1, a space, a method (section 20.16); false when malformed. */
    private boolean readCSeq(HeaderLine cseq) {
        String value = cseq.isFolded() ? cseq.value(text) : text;
        int from = cseq.isFolded() ? 0 : cseq.valueStart();
        int to = cseq.isFolded() ? value.length() : Text.trimEnd(text, from, cseq.valueEnd());
        int space = value.indexOf(' ', from);
        if (space < 0 || space >= to || space == from) {
            return false;
        }
        long number = Text.digits(value, from, space, 10);
        if (number < 0) {
            try {
                // signs and the like, as Long.parseLong reads them
                number = Long.parseLong(value.substring(from, space));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        cseqNumber = number;
        int methodStart = Text.skipWhitespace(value, space + 1, to);
        cseqMethod = Methods.read(value, methodStart, to);
        return cseqNumber >= 0 && cseqNumber <= 0xFFFFFFFFL && !cseqMethod.isEmpty();
    }

    // ---- SipMessageView ----

    @Override
    public boolean isRequest() {
        return request;
    }

    @Override
    public String method() {
        return request ? method : cseqMethod;
    }

    @Override
    public int statusCode() {
        return statusCode;
    }

    @Override
    public String topViaBranch() {
        Via via = topVia();
        return via == null ? null : via.branch();
    }

    @Override
    public String topViaSentBy() {
        if (topViaSentBy == null) {
            Via via = topVia();
            topViaSentBy = via == null ? null : via.sentBy();
        }
        return topViaSentBy;
    }

    @Override
    public String cseqMethod() {
        return cseqMethod;
    }

    @Override
    public String rfc2543Id() {
        if (!request || lines == null && text == null) {
            return null;
        }
        List<String> vias = vias();
        return requestUri + '\n' + fromTag() + '\n' + callId() + '\n' + cseqNumber + '\n' + (vias.isEmpty() ? "" : vias.get(0));
    }

    // ---- what routing reads ----

    /** Why the message cannot be used, or null. */
    public String problem() {
        return problem;
    }

    public byte[] bytes() {
        if (bytes == null) {
            bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        }
        return bytes;
    }

    /** Whether the message is only line breaks: a keep-alive (RFC 5626 section 3.5.1), nothing to read or answer. */
    public boolean isKeepAlive() {
        return text != null ? isKeepAlive(text) : isKeepAlive(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** As {@link #isKeepAlive()}, for a message's text before it is parsed. */
    public static boolean isKeepAlive(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The first line that is no header field (a continuation before any, a line without a colon), or null. */
    String headerSectionProblem() {
        ensureRead();
        return headerSectionProblem;
    }

    /** The start line as written, without its line break. */
    String startLine() {
        ensureRead();
        return text.substring(startLineStart, startLineEnd);
    }

    String text() {
        ensureRead();
        return text;
    }

    HeaderLine[] lines() {
        ensureRead();
        return lines;
    }

    int bodyStart() {
        ensureRead();
        return bodyStart;
    }

    int bodyEnd() {
        ensureRead();
        return bodyEnd;
    }

    public String requestUri() {
        return requestUri;
    }

    /** The Request-URI read as a SIP URI, or null when it is none (a tel URI, a malformed one, a response). */
    public SipUri requestSipUri() {
        if (!requestSipUriRead) {
            requestSipUri = requestUri == null ? null : SipUri.parse(requestUri);
            requestSipUriRead = true;
        }
        return requestSipUri;
    }

    public Via topVia() {
        if (topVia == null && ourVia != null) {
            topVia = Via.parse(ourVia);
        }
        if (topVia == null && lines == null) {
            ensureRead();
        }
        return topVia;
    }

    public long cseqNumber() {
        return cseqNumber;
    }

    public String callId() {
        return first(HeaderId.CALL_ID);
    }

    public String from() {
        return first(HeaderId.FROM);
    }

    public String to() {
        return first(HeaderId.TO);
    }

    /** The reason phrase of a response. */
    public String reasonPhrase() {
        ensureRead();
        int end = Text.trimEnd(text, startLineStart, startLineEnd);
        int second = text.indexOf(' ', startLineStart + SIP_20.length() + 1);
        return second < 0 || second >= end ? "" : text.substring(second + 1, end);
    }

    /** The tag parameter of To, or null. */
    public String toTag() {
        if (!toTagRead) {
            toTag = Addresses.tag(to());
            toTagRead = true;
        }
        return toTag;
    }

    public String fromTag() {
        if (!fromTagRead) {
            fromTag = Addresses.tag(from());
            fromTagRead = true;
        }
        return fromTag;
    }

    /** Max-Forwards as a number, -1 when absent, unreadable or over 255. */
    public int maxForwardsValue() {
        if (maxForwards == UNREAD) {
            HeaderLine line = line(HeaderId.MAX_FORWARDS);
            String folded = line != null && line.isFolded() ? line.value(text) : null;
            // 1*DIGIT up to 255 (section 20.22): leading zeros are legal ("0068" is 68); read in place unless folded
            long read = line == null ? -1 : folded != null ? Text.digits(folded, 0, folded.length(), 10)
                    : Text.digits(text, line.valueStart(), Text.trimEnd(text, line.valueStart(), line.valueEnd()), 10);
            maxForwards = read > RequestChecks.MAX_MAX_FORWARDS ? -1 : (int) read;
        }
        return maxForwards;
    }

    /** The value of the first field with that id (folded lines joined), or null. */
    public String first(HeaderId id) {
        HeaderLine line = line(id);
        return line == null ? null : line.value(text);
    }

    /** Whether the message has a field with that id. */
    public boolean has(HeaderId id) {
        return line(id) != null;
    }

    /**
     * Whether the first field with that id holds more than one comma-separated value (as {@link Addresses#splitValues}
     * splits), read in place unless the field is folded.
     */
    boolean holdsSeveralValues(HeaderId id) {
        HeaderLine line = line(id);
        if (line == null) {
            return false;
        }
        if (line.isFolded()) {
            String value = line.value(text);
            return value.indexOf(',') >= 0 && Addresses.splitValues(value).size() > 1;
        }
        int end = Text.trimEnd(text, line.valueStart(), line.valueEnd());
        return Addresses.firstValueEnd(text, line.valueStart(), end) < end;
    }

    /** The first field with that id, or null. */
    private HeaderLine line(HeaderId id) {
        ensureRead();
        return firstOf[id.ordinal()];
    }

    /** How many fields with that id the message has (a field holding a list counts once). */
    public int count(HeaderId id) {
        ensureRead();
        int count = 0;
        for (HeaderLine line : lines) {
            count += line.id() == id ? 1 : 0;
        }
        return count;
    }

    /** Every value of every field with that id, comma-separated values split, in order. */
    public List<String> values(HeaderId id) {
        ensureRead();
        List<String> values = new ArrayList<>(2);
        for (HeaderLine line : lines) {
            if (line.id() == id) {
                values.addAll(Addresses.splitValues(line.value(text)));
            }
        }
        return values;
    }

    /** The value of the first field with that name (any header, case-insensitive), or null. */
    public String first(String name) {
        ensureRead();
        for (HeaderLine line : lines) {
            if (text.regionMatches(true, line.start(), name, 0, name.length())
                    && (line.start() + name.length() < text.length())
                    && (text.charAt(line.start() + name.length()) == ':' || text.charAt(line.start() + name.length()) == ' ')) {
                return line.value(text);
            }
        }
        return null;
    }

    /** The Via values of the message in order, read (null for a value that is no Via). */
    public List<Via> parsedVias() {
        ensureRead();
        List<Via> vias = new ArrayList<>(2);
        for (HeaderLine line : lines) {
            if (line.id() != HeaderId.VIA) {
                continue;
            }
            if (line.isFolded()) {
                for (String value : Addresses.splitValues(line.value(text))) {
                    vias.add(Via.parse(value));
                }
                continue;
            }
            int end = Text.trimEnd(text, line.valueStart(), line.valueEnd());
            for (int from = line.valueStart(); from <= end; ) {
                int valueEnd = Addresses.firstValueEnd(text, from, end);
                vias.add(Via.parse(text, from, valueEnd));
                from = valueEnd + 1;
            }
        }
        return vias;
    }

    /** The Via values of the message in order (several values of one field split). */
    public List<String> vias() {
        return values(HeaderId.VIA);
    }

    /** How many header fields the message has. */
    public int headerCount() {
        ensureRead();
        return lines.length;
    }

    /**
     * Forgets what was read of the header fields (where each field is, the values copied out, and the text when the
     * bytes are there too), keeping one copy of the message and what transactions match and answer on. A request
     * that a transaction keeps for Timer J (32 s) after it was forwarded then holds a third of the memory; a header
     * read again is read again.
     */
    public void compact() {
        if (problem == null && text != null) {
            if (bytes != null) {
                text = null; // a received message keeps its text instead: its only copy
            }
            lines = null;
            firstOf = null;
        }
    }

    public int bodyLength() {
        return bodyEnd - bodyStart;
    }

    /** The body as text (ISO-8859-1, one char per byte; SDP is ASCII); empty when there is none. */
    public String body() {
        ensureRead();
        return text.substring(bodyStart, bodyEnd);
    }

    static String firstValue(String value) {
        List<String> values = Addresses.splitValues(value);
        return values.isEmpty() ? value : values.get(0);
    }

    /**
     * How many lines from {@code from} to the blank line start a header field (continuation lines do not): as many
     * as {@link #parse} finds, or more when some are malformed.
     */
    private static int countHeaderLines(String text, int from) {
        int count = 0;
        for (int position = from; position < text.length(); ) {
            int end = lineEnd(text, position);
            if (contentEnd(text, position, end) == position) {
                break;
            }
            char first = text.charAt(position);
            count += first == ' ' || first == '\t' ? 0 : 1;
            position = end + 1;
        }
        return count;
    }

    /** The status code of the status line at {@code [from, to)}, or -1. */
    private static int statusOf(String text, int from, int to) {
        int start = from + SIP_20.length() + 1;
        if (to < start + 3) {
            return -1;
        }
        int code = 0;
        for (int i = start; i < start + 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        if (to > start + 3 && text.charAt(start + 3) != ' ') {
            return -1;
        }
        return code <= 699 ? code : -1;
    }

    private static int lineEnd(String text, int from) {
        int lf = text.indexOf('\n', from);
        return lf < 0 ? text.length() : lf;
    }

    private static int contentEnd(String text, int from, int lineEnd) {
        return lineEnd > from && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
    }

    @Override
    public String toString() {
        return request ? "request " + method + " " + requestUri : "response " + statusCode + " " + cseqMethod;
    }
}
