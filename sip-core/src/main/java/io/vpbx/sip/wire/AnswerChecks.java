package io.vpbx.sip.wire;

import java.util.List;

/**
 * What a stateless UAS reads of a request before it answers it (RFC 3261 section 8.2): the start line in the wider
 * sense of section 7.1 (any SIP version, so that another one gets 505), the top Via even when the message has an
 * earlier defect, and the sanity checks whose first failure names the 400. Where {@link WireMessage#problem()} only
 * says that the proxy cannot route a message, these say what to tell its sender.
 */
public final class AnswerChecks {

    private static final String SIP_20 = "SIP/2.0";
    /**
     * Section 8.1.1, in its order, but Max-Forwards: a request without one is taken as if it said 70, for every method,
     * as a proxy forwarding it adds 70 (section 16.6 step 3; docs/adr/0012).
     */
    private static final List<HeaderId> MANDATORY = List.of(HeaderId.TO, HeaderId.FROM, HeaderId.CSEQ, HeaderId.CALL_ID,
            HeaderId.VIA);
    private static final List<HeaderId> SINGLE_VALUED = List.of(HeaderId.TO, HeaderId.FROM, HeaderId.CSEQ,
            HeaderId.CALL_ID, HeaderId.MAX_FORWARDS, HeaderId.CONTENT_LENGTH);
    /** Section 8.1.1.5: a CSeq number is below 2**31. */
    private static final long MAX_CSEQ = (1L << 31) - 1;
    private static final int MAX_DIGITS = 10;

    /** A Request-Line ({@code Method SP Request-URI SP SIP-Version}) whose method is a token. */
    public record RequestLine(String method, boolean isSip20) {
    }

    private AnswerChecks() {
    }

    /** Whether the message is a response: a Status-Line of any SIP version, with a status code 100..699. */
    public static boolean isResponse(WireMessage message) {
        if (!message.isRequest()) {
            return true;
        }
        String method = message.method();
        if (method != null && !method.regionMatches(true, 0, "SIP/", 0, 4)) {
            return false;
        }
        String line = message.startLine();
        int space = line.indexOf(' ');
        if (!line.regionMatches(true, 0, "SIP/", 0, 4) || space < 0 || !isSipVersion(line.substring(0, space))
                || line.length() < space + 4) {
            return false;
        }
        char first = line.charAt(space + 1);
        boolean endsOrSpace = line.length() == space + 4 || line.charAt(space + 4) == ' ';
        return endsOrSpace && first >= '1' && first <= '6' && Text.isDigits(line, space + 1, space + 4);
    }

    /** The request line, or null when the start line is none (a response's included). */
    public static RequestLine requestLine(WireMessage message) {
        String method = message.method();
        if (message.isRequest() && method != null && message.requestUri().indexOf(' ') < 0) {
            // read as the proxy reads it: SIP/2.0 exactly
            return Text.isToken(method) ? new RequestLine(method, true) : null;
        }
        String line = message.startLine();
        if (line.regionMatches(true, 0, "SIP/", 0, 4)) {
            return null;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !Text.isToken(parts[0]) || parts[1].isEmpty() || !isSipVersion(parts[2])) {
            return null;
        }
        return new RequestLine(parts[0], SIP_20.equalsIgnoreCase(parts[2]));
    }

    /** The top Via, read even when an earlier defect kept {@link WireMessage#topVia()} from reading it; or null. */
    public static Via topVia(WireMessage message) {
        Via top = message.topVia();
        if (top != null) {
            return top;
        }
        List<Via> vias = message.parsedVias();
        return vias.isEmpty() ? null : vias.get(0);
    }

    /**
     * The first sanity check an answerable request fails, worded to follow "Bad Request (", or null: the header
     * section, the mandatory fields, single-valued fields given once, CSeq (number and method), Max-Forwards,
     * Content-Length.
     */
    public static String problem(WireMessage request, String method) {
        String text = request.text();
        String headerSection = request.headerSectionProblem();
        if (headerSection != null) {
            return headerSection;
        }
        int[] seen = new int[HeaderId.values().length];
        for (HeaderLine line : request.lines()) {
            if (!line.hasTokenName(text)) {
                return "malformed header line";
            }
            seen[line.id().ordinal()]++;
        }
        for (HeaderId id : MANDATORY) {
            if (seen[id.ordinal()] == 0) {
                return "missing " + RequestChecks.name(id);
            }
        }
        for (HeaderId id : SINGLE_VALUED) {
            if (seen[id.ordinal()] > 1) {
                return "duplicate " + RequestChecks.name(id);
            }
        }
        String cseq = request.first(HeaderId.CSEQ);
        int numberEnd = wordEnd(cseq, 0);
        int methodStart = Text.skipWhitespace(cseq, numberEnd, cseq.length());
        if (numberOrMinusOne(cseq, 0, numberEnd, MAX_CSEQ) < 0 || methodStart == cseq.length()
                || wordEnd(cseq, methodStart) != cseq.length()) {
            return "malformed CSeq";
        }
        if (!cseq.substring(methodStart).equals(method)) {
            return "CSeq method does not match the request method";
        }
        String maxForwards = request.first(HeaderId.MAX_FORWARDS);
        if (maxForwards != null
                && numberOrMinusOne(maxForwards, 0, maxForwards.length(), RequestChecks.MAX_MAX_FORWARDS) < 0) {
            return "malformed Max-Forwards";
        }
        String contentLength = request.first(HeaderId.CONTENT_LENGTH);
        if (contentLength != null) {
            long length = numberOrMinusOne(contentLength, 0, contentLength.length(), Integer.MAX_VALUE);
            if (length < 0) {
                return "malformed Content-Length";
            }
            if (length > request.text().length() - request.bodyStart()) {
                return "body shorter than Content-Length";
            }
        }
        return null;
    }

    /** The number of a CSeq that passed {@link #problem}. */
    public static long cseqNumber(WireMessage request) {
        String cseq = request.first(HeaderId.CSEQ);
        return Text.digits(cseq, 0, wordEnd(cseq, 0), MAX_DIGITS);
    }

    /** {@code 1*DIGIT} of at most ten digits and up to {@code max}, or -1. */
    private static long numberOrMinusOne(String text, int from, int to, long max) {
        long number = Text.digits(text, from, to, MAX_DIGITS);
        return number <= max ? number : -1;
    }

    /** The end of the run of non-whitespace starting at {@code from}. */
    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Text.skipWhitespace(text, i, i + 1) == i) {
            i++;
        }
        return i;
    }

    /** {@code "SIP" "/" 1*DIGIT "." 1*DIGIT}, "SIP" case-insensitive. */
    private static boolean isSipVersion(String text) {
        int dot = text.indexOf('.');
        return text.regionMatches(true, 0, "SIP/", 0, 4) && dot > 4 && Text.isDigits(text, 4, dot)
                && Text.isDigits(text, dot + 1, text.length());
    }
}
