package io.vpbx.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the start line and header section of one framed SIP message (RFC 3261 section 7). It never fails:
 * what it cannot read becomes an {@link StartLine.Unreadable} start line or the message's
 * {@link SipMessage#problem()}, so the caller decides what to answer.
 *
 * <p>The bytes are read as ISO-8859-1, one char per byte, so that values copied into a response come out
 * byte for byte as they came in, UTF-8 display names included. Lines may end in CRLF or a bare LF; leading
 * empty lines are skipped (section 7.5); a missing empty line after the headers ends them at the end of the
 * message.
 */
public final class SipMessageReader {

    private SipMessageReader() {
    }

    public static SipMessage read(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int position = 0;
        while (position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
            position++;
        }
        int startLineEnd = lineEnd(text, position);
        StartLine startLine = StartLine.parse(text.substring(position, contentEnd(text, position, startLineEnd)));
        position = startLineEnd + 1;

        List<HeaderField> headers = new ArrayList<>();
        String problem = null;
        int bodyStart = text.length();
        while (position < text.length()) {
            int end = lineEnd(text, position);
            int contentEnd = contentEnd(text, position, end);
            if (contentEnd == position) {
                bodyStart = Math.min(end + 1, text.length());
                break;
            }
            char first = text.charAt(position);
            if (first == ' ' || first == '\t') {
                if (headers.isEmpty()) {
                    problem = problem == null ? "continuation line before any header" : problem;
                } else {
                    HeaderField last = headers.remove(headers.size() - 1);
                    String more = text.substring(position, contentEnd).strip();
                    headers.add(new HeaderField(last.name(), last.value().isEmpty() ? more : last.value() + " " + more));
                }
            } else {
                int colon = text.indexOf(':', position);
                String name = colon < 0 || colon > contentEnd ? "" : text.substring(position, colon).strip();
                if (HeaderText.isToken(name)) {
                    headers.add(new HeaderField(HeaderName.canonical(name), text.substring(colon + 1, contentEnd).strip()));
                } else {
                    problem = problem == null ? "malformed header line" : problem;
                }
            }
            position = end + 1;
        }
        return new SipMessage(startLine, headers, text.length() - bodyStart, Optional.ofNullable(problem));
    }

    /** Index of the LF ending the line that starts at {@code from}, or the text's length. */
    private static int lineEnd(String text, int from) {
        int lf = text.indexOf('\n', from);
        return lf < 0 ? text.length() : lf;
    }

    /** End of the line's content: before a CR that precedes the line end. */
    private static int contentEnd(String text, int from, int lineEnd) {
        return lineEnd > from && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
    }
}
