package io.vpbx.sip.wire;

import java.util.List;

/**
 * The messages a proxy sends, built by splicing the received bytes: what is forwarded changes only in the
 * request line, the top Via, Max-Forwards, the top Route and an added Record-Route (RFC 3261 section 16.6);
 * responses going back lose only the top Via (section 16.7 step 9). The few messages the proxy writes itself
 * (its own responses, CANCEL, ACK for a non-2xx) copy the fields section 8.2.6, 9.1 and 17.1.1.3 name.
 */
public final class Rewrites {
    private Rewrites() {
    }

    /**
     * A request forwarded to the next hop.
     *
     * @param requestUri the new Request-URI (the target, or the unchanged one for a request routed by Route)
     * @param via our Via value, with a fresh branch
     * @param recordRoutes Record-Route values to add on top (empty for requests within a dialog)
     * @param popRoutes how many Route values at the top name us and must be removed (section 16.4; two when we
     *     record-routed twice, RFC 5658)
     * @param received when not null, {@code ;received=..;rport=..} to stamp on the previous hop's Via
     * @param extraHeaders further fields to add, name and value alternating
     */
    public static byte[] forward(WireMessage in, String requestUri, String via, List<String> recordRoutes, int popRoutes,
                                 String received, String... extraHeaders) {
        int size = forward(ByteBuilder.counting(), in, requestUri, via, recordRoutes, popRoutes, received, extraHeaders).length();
        return forward(new ByteBuilder(size), in, requestUri, via, recordRoutes, popRoutes, received, extraHeaders).toBytes();
    }

    private static ByteBuilder forward(ByteBuilder out, WireMessage in, String requestUri, String via, List<String> recordRoutes,
                                       int popRoutes, String received, String... extraHeaders) {
        String text = in.text();
        out.text(in.method()).text(" ").text(requestUri).text(" SIP/2.0").crlf();
        out.line("Via", via);
        for (String recordRoute : recordRoutes) {
            out.line("Record-Route", recordRoute);
        }
        boolean firstVia = true;
        int routesToPop = popRoutes;
        boolean maxForwardsSeen = false;
        boolean assertsIdentity = assertsIdentity(extraHeaders);
        for (HeaderLine line : in.lines()) {
            HeaderId id = line.id();
            if (id == HeaderId.VIA && firstVia) {
                firstVia = false;
                if (received != null) {
                    List<String> values = Addresses.splitValues(line.value(text));
                    values.set(0, stamped(values.get(0), received));
                    out.line("Via", String.join(", ", values));
                    continue;
                }
            } else if (id == HeaderId.MAX_FORWARDS) {
                maxForwardsSeen = true;
                out.line("Max-Forwards", Math.max(0, in.maxForwardsValue() - 1));
                continue;
            } else if (id == HeaderId.ROUTE && routesToPop > 0) {
                if (!line.isFolded() && Addresses.firstValueEnd(text, line.valueStart(), line.valueEnd()) == line.valueEnd()) {
                    // one Route value in the field, ours: the whole line goes
                    routesToPop--;
                    continue;
                }
                List<String> values = Addresses.splitValues(line.value(text));
                int popped = Math.min(routesToPop, values.size());
                routesToPop -= popped;
                if (values.size() > popped) {
                    out.line("Route", String.join(", ", values.subList(popped, values.size())));
                }
                continue;
            } else if (id == HeaderId.CONTENT_LENGTH || id == HeaderId.PROXY_AUTHORIZATION) {
                // credentials were for us (our realm is the only one on this path): never passed on
                continue;
            } else if (assertsIdentity && (id == HeaderId.P_ASSERTED_IDENTITY || id == HeaderId.P_PREFERRED_IDENTITY)) {
                // we assert the identity ourselves: what the sender claimed goes (RFC 3325 sections 5 and 9.1)
                continue;
            }
            out.splice(text, line.start(), line.next());
        }
        if (!maxForwardsSeen) {
            out.line("Max-Forwards", "70");
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            out.line(extraHeaders[i], extraHeaders[i + 1]);
        }
        out.line("Content-Length", in.bodyLength());
        out.crlf();
        out.splice(text, in.bodyStart(), in.bodyEnd());
        return out;
    }

    private static boolean assertsIdentity(String... extraHeaders) {
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            if (extraHeaders[i].equalsIgnoreCase("P-Asserted-Identity") || extraHeaders[i].equalsIgnoreCase("P-Preferred-Identity")) {
                return true;
            }
        }
        return false;
    }

    /** A response going back upstream: the same bytes without the top Via value (ours). */
    public static byte[] popVia(WireMessage response) {
        return popVia(new ByteBuilder(popVia(ByteBuilder.counting(), response).length()), response).toBytes();
    }

    private static ByteBuilder popVia(ByteBuilder out, WireMessage response) {
        String text = response.text();
        HeaderLine[] lines = response.lines();
        int firstLineStart = lines.length == 0 ? response.bodyStart() : lines[0].start();
        out.splice(text, 0, firstLineStart);
        boolean popped = false;
        for (HeaderLine line : lines) {
            if (line.id() == HeaderId.VIA && !popped) {
                popped = true;
                if (line.isFolded()) {
                    List<String> values = Addresses.splitValues(line.value(text));
                    if (values.size() > 1) {
                        out.line("Via", String.join(", ", values.subList(1, values.size())));
                    }
                    continue;
                }
                int ours = Addresses.firstValueEnd(text, line.valueStart(), line.valueEnd());
                if (ours == line.valueEnd()) {
                    // our Via alone in its field: the whole line goes
                    continue;
                }
                out.text("Via: ");
                spliceJoined(out, text, ours + 1, Text.trimEnd(text, line.valueStart(), line.valueEnd()));
                out.crlf();
                continue;
            }
            out.splice(text, line.start(), line.next());
        }
        // the blank line and the body, exactly as received (without bytes after Content-Length)
        int blank = lines.length == 0 ? firstLineStart : lines[lines.length - 1].next();
        out.splice(text, blank, response.bodyEnd());
        return out;
    }

    /**
     * The comma-separated values in {@code [from, to)} of the text, trimmed and joined with ", ": the bytes
     * {@code String.join(", ", Addresses.splitValues(...))} would give, spliced without a String per value (a UAS
     * that echoes every Via in one field sends such a line up with each response: the hot path).
     */
    private static void spliceJoined(ByteBuilder out, String text, int from, int to) {
        for (int start = from; ; ) {
            int end = Addresses.firstValueEnd(text, start, to);
            int valueStart = Text.skipWhitespace(text, start, end);
            out.splice(text, valueStart, Text.trimEnd(text, valueStart, end));
            if (end == to) {
                return;
            }
            out.text(", ");
            start = end + 1;
        }
    }

    /**
     * A response this proxy writes to a request (section 8.2.6.2): every Via, From, To (with {@code toTag}
     * added unless To has one or the status is 100), Call-ID and CSeq copied; no body.
     *
     * @param extraHeaders further fields, name and value alternating
     */
    public static byte[] response(WireMessage request, int status, String reason, String toTag, String... extraHeaders) {
        return response(request, null, status, reason, toTag, extraHeaders);
    }

    /**
     * As above, with {@code topVia} in place of the request's top Via value (a stateless UAS stamps received and
     * rport on it, section 18.2.1); null copies it as it came.
     */
    public static byte[] response(WireMessage request, String topVia, int status, String reason, String toTag,
                                  String... extraHeaders) {
        int size = response(ByteBuilder.counting(), request, topVia, status, reason, toTag, null, extraHeaders).length();
        return response(new ByteBuilder(size), request, topVia, status, reason, toTag, null, extraHeaders).toBytes();
    }

    /**
     * A response of a user agent core of ours (section 8.2.6): as {@link #response(WireMessage, int, String, String,
     * String...)}, with an SDP body (ASCII text) after the extra headers.
     */
    public static byte[] responseWithSdp(WireMessage request, int status, String reason, String toTag, String sdp,
                                         String... extraHeaders) {
        int size = response(ByteBuilder.counting(), request, null, status, reason, toTag, sdp, extraHeaders).length();
        return response(new ByteBuilder(size), request, null, status, reason, toTag, sdp, extraHeaders).toBytes();
    }

    private static ByteBuilder response(ByteBuilder out, WireMessage request, String topVia, int status, String reason,
                                        String toTag, String sdp, String... extraHeaders) {
        String text = request.text();
        out.text("SIP/2.0 ").number(status).text(" ").text(reason).crlf();
        boolean firstVia = true;
        for (HeaderLine line : request.lines()) {
            HeaderId id = line.id();
            if (id == HeaderId.VIA && firstVia && topVia != null) {
                List<String> values = Addresses.splitValues(line.value(text));
                values.set(0, topVia);
                out.line("Via", String.join(", ", values));
            } else if (id == HeaderId.VIA || id == HeaderId.FROM || id == HeaderId.CALL_ID || id == HeaderId.CSEQ) {
                out.splice(text, line.start(), line.next());
                ensureLineBreak(out, text, line);
            } else if (id == HeaderId.TO) {
                String to = line.value(text);
                if (status != 100 && toTag != null && Addresses.tag(to) == null) {
                    out.line("To", to + ";tag=" + toTag);
                } else {
                    out.splice(text, line.start(), line.next());
                    ensureLineBreak(out, text, line);
                }
            }
            firstVia &= id != HeaderId.VIA;
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            if (extraHeaders[i + 1].isEmpty()) {
                // an empty list (Supported with no option tag): the name alone
                out.text(extraHeaders[i]).text(":").crlf();
            } else {
                out.line(extraHeaders[i], extraHeaders[i + 1]);
            }
        }
        if (sdp == null) {
            out.line("Content-Length", "0").crlf();
        } else {
            out.line("Content-Type", "application/sdp");
            out.line("Content-Length", sdp.length()).crlf();
            out.text(sdp);
        }
        return out;
    }

    /** Longest From, To or Call-ID a {@link #tooLarge} answer still echoes. */
    private static final int ECHO_LIMIT = 1024;

    /**
     * 513 Message Too Large for a request whose ordinary answer would not fit in one datagram: only the top Via and
     * the CSeq, which the sender's client transaction matches on (section 17.1.3), and From, To and Call-ID when
     * they are short. Whatever the request carried, the answer is small.
     */
    public static byte[] tooLarge(WireMessage request, String toTag) {
        ByteBuilder out = new ByteBuilder(512);
        out.text("SIP/2.0 513 Message Too Large").crlf();
        List<String> vias = request.vias();
        if (!vias.isEmpty()) {
            out.line("Via", vias.get(0));
        }
        echo(out, "From", request.from());
        String to = request.to();
        echo(out, "To", to == null || toTag == null || Addresses.tag(to) != null ? to : to + ";tag=" + toTag);
        echo(out, "Call-ID", request.callId());
        String cseq = request.first(HeaderId.CSEQ);
        if (cseq != null && cseq.length() <= ECHO_LIMIT) {
            out.line("CSeq", cseq);
        }
        out.line("Content-Length", "0").crlf();
        return out.toBytes();
    }

    private static void echo(ByteBuilder out, String name, String value) {
        if (value != null && value.length() <= ECHO_LIMIT) {
            out.line(name, value);
        }
    }

    /**
     * The CANCEL for a forwarded INVITE (section 9.1): its Request-URI, top Via (our branch), Route, Call-ID,
     * From, To and CSeq number, method CANCEL.
     */
    public static byte[] cancel(WireMessage forwardedInvite) {
        return sameTransaction(forwardedInvite, "CANCEL", forwardedInvite.to());
    }

    /** The ACK for a non-2xx final response to a forwarded INVITE (section 17.1.1.3): To from the response. */
    public static byte[] ack(WireMessage forwardedInvite, WireMessage finalResponse) {
        return sameTransaction(forwardedInvite, "ACK", finalResponse.to());
    }

    /**
     * A request of ours within the dialog a 2xx created (section 12.2.1.1), sent straight to its Contact:
     * From and To as in the response, CSeq of the INVITE plus {@code cseqIncrement} (0 for the ACK).
     */
    public static byte[] inDialog(String method, WireMessage response, String via, int cseqIncrement) {
        String contact = Addresses.uri(response.first(HeaderId.CONTACT));
        ByteBuilder out = new ByteBuilder(512);
        out.text(method).text(" ").text(contact == null ? "sip:invalid" : contact).text(" SIP/2.0").crlf();
        out.line("Via", via);
        out.line("Max-Forwards", "70");
        out.line("From", response.from());
        out.line("To", response.to());
        out.line("Call-ID", response.callId());
        out.line("CSeq", (response.cseqNumber() + cseqIncrement) + " " + method);
        out.line("Content-Length", "0").crlf();
        return out.toBytes();
    }

    private static byte[] sameTransaction(WireMessage invite, String method, String to) {
        ByteBuilder out = new ByteBuilder(512);
        out.text(method).text(" ").text(invite.requestUri()).text(" SIP/2.0").crlf();
        out.line("Via", invite.vias().get(0));
        for (String route : invite.values(HeaderId.ROUTE)) {
            out.line("Route", route);
        }
        out.line("Max-Forwards", "70");
        out.line("From", invite.from());
        out.line("To", to);
        out.line("Call-ID", invite.callId());
        out.line("CSeq", invite.cseqNumber() + " " + method);
        out.line("Content-Length", "0").crlf();
        return out.toBytes();
    }

    private static String stamped(String via, String received) {
        return withoutRportFlag(via) + received;
    }

    /** Drops each empty rport flag ({@code ;rport} without a value): the stamp carries rport with its value. */
    static String withoutRportFlag(String via) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while ((i = via.indexOf(';', i)) >= 0) {
            int name = skipSpace(via, i + 1);
            int after = name + "rport".length();
            if (via.regionMatches(true, name, "rport", 0, "rport".length())) {
                int next = skipSpace(via, after);
                if (next == via.length() || via.charAt(next) == ';') {
                    if (out == null) {
                        out = new StringBuilder(via.length());
                    }
                    out.append(via, copied, i);
                    copied = after;
                    i = after;
                    continue;
                }
            }
            i++;
        }
        return out == null ? via : out.append(via, copied, via.length()).toString();
    }

    /** Past the whitespace a regular expression's {@code \\s} stands for. */
    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static void ensureLineBreak(ByteBuilder out, String text, HeaderLine line) {
        if (line.next() == text.length() && (text.isEmpty() || text.charAt(text.length() - 1) != '\n')) {
            out.crlf();
        }
    }
}
