package io.vpbx.sip.wire;

import java.util.List;

/**
 * The sanity checks every request passes before it is routed or answered, whatever its method (RFC 3261 sections
 * 8.2.1 to 8.2.2.3 and 16.3; the torture cases of RFC 4475): one path, so that what OPTIONS is refused for an INVITE
 * is refused for too. Pure: reads a {@link WireMessage}, returns the first refusal or null.
 *
 * <p>The steps, in order: header syntax (a field name is a token; no control character in a field, a bare CR
 * included, but the line breaks of folding), single-valued fields given once with one value, addresses with
 * balanced quotes and brackets, the Request-URI and the To/From URIs in a scheme we know (REGISTER: sip or sips
 * only, section 10.3), Max-Forwards, and the extensions the request requires (section 8.2.2.3 for requests we
 * answer, Proxy-Require for requests we forward, section 16.3 step 4).
 */
public final class RequestChecks {

    private static final List<HeaderId> SINGLE_VALUED = List.of(HeaderId.CALL_ID, HeaderId.CSEQ, HeaderId.FROM,
            HeaderId.TO, HeaderId.MAX_FORWARDS, HeaderId.CONTENT_LENGTH);
    /** Section 20.22. */
    public static final int MAX_MAX_FORWARDS = 255;

    /** Why a request is refused: the status, its reason phrase, the check that failed, extra header fields. */
    public record Refusal(int status, String reason, String check, String... headers) {
    }

    private RequestChecks() {
    }

    /**
     * The first check {@code request} fails, or null.
     *
     * @param answeredHere whether vpbx answers the request itself (OPTIONS, REGISTER: Require applies) rather than
     *                     forwarding it (Proxy-Require applies)
     */
    public static Refusal check(WireMessage request, boolean answeredHere) {
        Refusal refusal = headerSyntax(request);
        if (refusal == null) {
            refusal = singleValued(request);
        }
        if (refusal == null) {
            refusal = addresses(request);
        }
        if (refusal == null) {
            refusal = schemes(request);
        }
        if (refusal == null) {
            refusal = maxForwards(request);
        }
        if (refusal == null) {
            refusal = extensions(request, answeredHere);
        }
        return refusal;
    }

    /** Field names are tokens (section 25.1); values hold no control character but HTAB and folding's line breaks. */
    static Refusal headerSyntax(WireMessage request) {
        String text = request.text();
        for (HeaderLine line : request.lines()) {
            int colon = text.indexOf(':', line.start());
            int nameEnd = Text.trimEnd(text, line.start(), colon);
            if (nameEnd == line.start()) {
                return bad("header_syntax", "empty header name");
            }
            if (!line.hasTokenName(text)) {
                return bad("header_syntax", "malformed header name");
            }
            for (int i = colon + 1; i < line.valueEnd(); i++) {
                char c = text.charAt(i);
                if (c == '\r') {
                    if (i + 2 >= line.valueEnd() || text.charAt(i + 1) != '\n' || !isBlank(text.charAt(i + 2))) {
                        return bad("header_syntax", "control character in a header value");
                    }
                } else if (c == '\n') {
                    if (i + 1 >= line.valueEnd() || !isBlank(text.charAt(i + 1))) {
                        return bad("header_syntax", "control character in a header value");
                    }
                } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                    return bad("header_syntax", "control character in a header value");
                }
            }
        }
        String requestUri = request.requestUri();
        for (int i = 0; requestUri != null && i < requestUri.length(); i++) {
            char c = requestUri.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return bad("header_syntax", "control character in the Request-URI");
            }
        }
        return null;
    }

    /** Call-ID, CSeq, From, To, Max-Forwards and Content-Length appear once, with one value (section 7.3.1). */
    static Refusal singleValued(WireMessage request) {
        for (HeaderId id : SINGLE_VALUED) {
            if (request.count(id) > 1) {
                return bad("single_valued", "duplicate " + name(id));
            }
            if (id != HeaderId.CALL_ID && id != HeaderId.CSEQ && request.holdsSeveralValues(id)) {
                return bad("single_valued", "more than one value in " + name(id));
            }
        }
        return null;
    }

    /** From and To: quoted strings closed, one URI in angle brackets when there are brackets (section 20.10). */
    static Refusal addresses(WireMessage request) {
        for (HeaderId id : List.of(HeaderId.FROM, HeaderId.TO)) {
            String value = request.first(id);
            if (value != null && !isBalanced(value)) {
                return bad("address", "malformed " + name(id));
            }
        }
        return null;
    }

    /** Section 8.2.2.1 (416); REGISTER's To and From are SIP URIs (section 10.2, RFC 4475 section 3.3.12: 400). */
    static Refusal schemes(WireMessage request) {
        String requestUri = request.requestUri();
        Scheme scheme = requestUri == null ? null : scheme(requestUri, 0, requestUri.length());
        if (scheme == null) {
            return bad("request_uri", "malformed Request-URI");
        }
        if (scheme == Scheme.OTHER) {
            return new Refusal(416, "Unsupported URI Scheme", "uri_scheme");
        }
        if (scheme != Scheme.TEL && request.requestSipUri() == null) {
            return bad("request_uri", "malformed Request-URI");
        }
        boolean register = "REGISTER".equals(request.method());
        for (HeaderId id : List.of(HeaderId.TO, HeaderId.FROM)) {
            String value = request.first(id);
            Scheme given = value == null ? null : uriScheme(value);
            if (given == null) {
                return bad("address", "malformed " + name(id));
            }
            if (register && SipUri.parse(Addresses.uri(value)) == null) {
                return bad("address", name(id) + " of a REGISTER is no SIP URI");
            }
            if (given == Scheme.OTHER) {
                return new Refusal(416, "Unsupported URI Scheme", "uri_scheme");
            }
        }
        return null;
    }

    /** The schemes a Request-URI, To or From may use here: the SIP URIs and telephone numbers (RFC 3966). */
    private enum Scheme { SIP, TEL, OTHER }

    /**
     * The scheme of the URI that {@link Addresses#uri} finds in a From or To value, or null when it finds none or
     * the URI has no scheme; read in place, as every request has a From and a To to check.
     */
    private static Scheme uriScheme(String value) {
        int start;
        int end;
        int open = Addresses.openingBracket(value);
        if (open >= 0) {
            int close = value.indexOf('>', open);
            if (close < 0) {
                return null;
            }
            start = Text.skipWhitespace(value, open + 1, close);
            end = Text.trimEnd(value, start, close);
        } else {
            int semicolon = value.indexOf(';');
            int stop = semicolon < 0 ? value.length() : semicolon;
            start = Text.skipWhitespace(value, 0, stop);
            end = Text.trimEnd(value, start, stop);
        }
        return scheme(value, start, end);
    }

    /** The scheme of the absolute URI at {@code [from, to)} of {@code text}, or null when there is none. */
    private static Scheme scheme(String text, int from, int to) {
        int colon = text.indexOf(':', from);
        if (colon <= from || colon >= to || !Character.isLetter(text.charAt(from))) {
            return null;
        }
        for (int i = from + 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return null;
            }
        }
        if (Text.is(text, from, colon, "sip") || Text.is(text, from, colon, "sips")) {
            return Scheme.SIP;
        }
        return Text.is(text, from, colon, "tel") ? Scheme.TEL : Scheme.OTHER;
    }

    /**
     * Max-Forwards is 1*DIGIT (leading zeros allowed) up to 255 (section 20.22); a missing one is no defect here,
     * the same for every method: a forwarded request gets 70 (section 16.6 step 3).
     */
    static Refusal maxForwards(WireMessage request) {
        if (request.has(HeaderId.MAX_FORWARDS) && request.maxForwardsValue() < 0) {
            return bad("max_forwards", "malformed Max-Forwards");
        }
        return null;
    }

    /**
     * No option tag is supported: a Require on a request answered here, or a Proxy-Require on one forwarded, gets
     * 420 naming the tags (sections 8.2.2.3 and 16.3 step 4). ACK and CANCEL are never refused for it.
     */
    static Refusal extensions(WireMessage request, boolean answeredHere) {
        String method = request.method();
        if ("ACK".equals(method) || "CANCEL".equals(method)) {
            return null;
        }
        String required = request.first(answeredHere ? "Require" : "Proxy-Require");
        if (required == null || required.isBlank()) {
            return null;
        }
        String tags = String.join(", ", Addresses.splitValues(required).stream().filter(tag -> !tag.isEmpty()).toList());
        return new Refusal(420, "Bad Extension", "extension", "Unsupported", tags);
    }

    private static boolean isBalanced(String value) {
        int angle = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                int end = Addresses.afterQuoted(value, i, value.length());
                if (end < 0) {
                    return false;
                }
                i = end - 1;
            } else if (c == '<') {
                angle++;
            } else if (c == '>') {
                angle--;
            }
            if (angle < 0 || angle > 1) {
                return false;
            }
        }
        return angle == 0;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The canonical name of a header the checks name in their reasons. */
    static String name(HeaderId id) {
        return switch (id) {
            case CALL_ID -> "Call-ID";
            case CSEQ -> "CSeq";
            case FROM -> "From";
            case TO -> "To";
            case MAX_FORWARDS -> "Max-Forwards";
            case CONTENT_LENGTH -> "Content-Length";
            case VIA -> "Via";
            default -> id.name();
        };
    }

    private static Refusal bad(String check, String what) {
        return new Refusal(400, "Bad Request (" + what + ")", check);
    }
}
