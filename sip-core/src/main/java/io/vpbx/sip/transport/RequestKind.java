package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;

/**
 * What a received message is, told from its start line and its To header field alone, before anything parses it:
 * enough for the per-source throttle and overload control to decide whether it may be refused (RFC 3261 sections
 * 7.1, 8.1.1.2, 12: a request whose To carries a tag is within a dialog). Nothing here is trusted further: the
 * message is read properly later, and a forged tag only spares a request the count, not the checks.
 */
public enum RequestKind {
    /** A Status-Line: answers a request we sent. */
    RESPONSE,
    /** An ACK: never answered, never refused. */
    ACK,
    /** A CANCEL: refers to an INVITE already admitted. */
    CANCEL,
    /** A request whose To has a tag: within a dialog. */
    IN_DIALOG,
    /** An INVITE without a To tag: a new call. */
    NEW_INVITE,
    /** Any other request without a To tag (REGISTER, OPTIONS, SUBSCRIBE, MESSAGE...). */
    NEW_REQUEST;

    /** Whether the per-source throttle counts (and may refuse) a message of this kind. */
    public boolean outOfDialog() {
        return this == NEW_INVITE || this == NEW_REQUEST;
    }

    /** Reads the readable bytes of {@code content}, which it leaves as they were. */
    public static RequestKind of(ByteBuf content) {
        int end = content.writerIndex();
        int at = content.readerIndex();
        while (at < end && isLineEnd(content.getByte(at))) {
            at++;
        }
        // "SIP" is case-insensitive, like every ABNF literal; methods are case-sensitive (section 7.1)
        if (end - at >= 4 && lower(content.getByte(at)) == 's' && lower(content.getByte(at + 1)) == 'i'
                && lower(content.getByte(at + 2)) == 'p' && content.getByte(at + 3) == '/') {
            return RESPONSE;
        }
        boolean invite = startsWith(content, at, end, "INVITE ");
        if (!invite) {
            if (startsWith(content, at, end, "ACK ")) {
                return ACK;
            }
            if (startsWith(content, at, end, "CANCEL ")) {
                return CANCEL;
            }
        }
        if (toHasTag(content, nextLine(content, at, end), end)) {
            return IN_DIALOG;
        }
        return invite ? NEW_INVITE : NEW_REQUEST;
    }

    /** Whether the To header field (long or compact name) carries a tag parameter outside its URI. */
    private static boolean toHasTag(ByteBuf content, int line, int end) {
        while (line < end && !isLineEnd(content.getByte(line))) {
            int next = nextLine(content, line, end);
            int colon = toColon(content, line, next);
            if (colon >= 0) {
                // folded continuation lines (starting with white space) belong to the field
                int fieldEnd = next;
                while (fieldEnd < end && isWhite(content.getByte(fieldEnd))) {
                    fieldEnd = nextLine(content, fieldEnd, end);
                }
                return hasTagParameter(content, colon + 1, fieldEnd);
            }
            line = next;
        }
        return false;
    }

    /** The index of the colon when the line at {@code line} is a To field ("To", "t", any case, white space before ':'). */
    private static int toColon(ByteBuf content, int line, int next) {
        int at = line;
        if (at < next && lower(content.getByte(at)) == 't') {
            at++;
            if (at < next && lower(content.getByte(at)) == 'o') {
                at++;
            }
            while (at < next && isWhite(content.getByte(at))) {
                at++;
            }
            if (at < next && content.getByte(at) == ':') {
                return at;
            }
        }
        return -1;
    }

    /** A {@code ;tag=} header parameter: outside angle brackets and quotes, white space allowed around ';' and '='. */
    private static boolean hasTagParameter(ByteBuf content, int from, int to) {
        boolean quoted = false;
        boolean inUri = false;
        for (int at = from; at < to; at++) {
            byte b = content.getByte(at);
            if (quoted) {
                if (b == '\\') {
                    at++;
                } else if (b == '"') {
                    quoted = false;
                }
            } else if (b == '"') {
                quoted = true;
            } else if (b == '<') {
                inUri = true;
            } else if (b == '>') {
                inUri = false;
            } else if (b == ';' && !inUri && isTagName(content, at + 1, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTagName(ByteBuf content, int at, int to) {
        at = skipWhite(content, at, to);
        if (to - at < 3 || lower(content.getByte(at)) != 't' || lower(content.getByte(at + 1)) != 'a'
                || lower(content.getByte(at + 2)) != 'g') {
            return false;
        }
        at = skipWhite(content, at + 3, to);
        return at < to && content.getByte(at) == '=';
    }

    private static int skipWhite(ByteBuf content, int at, int to) {
        while (at < to && (isWhite(content.getByte(at)) || isLineEnd(content.getByte(at)))) {
            at++;
        }
        return at;
    }

    /** The start of the line after the one at {@code at} (past its LF), or {@code end}. */
    private static int nextLine(ByteBuf content, int at, int end) {
        int lf = content.indexOf(at, end, (byte) '\n');
        return lf < 0 ? end : lf + 1;
    }

    private static boolean startsWith(ByteBuf content, int at, int end, String prefix) {
        if (end - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (content.getByte(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLineEnd(byte b) {
        return b == '\r' || b == '\n';
    }

    private static boolean isWhite(byte b) {
        return b == ' ' || b == '\t';
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
