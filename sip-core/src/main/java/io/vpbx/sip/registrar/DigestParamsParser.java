package io.vpbx.sip.registrar;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits {@code Digest name=value, name="quoted, \"value\"", ...} into a map of lowercase
 * parameter names to unquoted values (RFC 7235 section 2.1 auth-param, RFC 7230 quoted-string).
 * Single use: one instance per header value.
 */
final class DigestParamsParser {

    /** Signals a syntax error; caught by {@link DigestCredentials#parse} and never escapes it. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private int pos;

    DigestParamsParser(String text) {
        this.text = text;
    }

    Map<String, String> parse() throws SyntaxException {
        skipWhitespace();
        String scheme = readToken();
        if (!"Digest".equalsIgnoreCase(scheme)) {
            throw new SyntaxException("scheme is not Digest");
        }
        if (pos < text.length() && !isWhitespace(text.charAt(pos))) {
            throw new SyntaxException("no whitespace after scheme");
        }
        Map<String, String> params = new HashMap<>();
        while (true) {
            skipWhitespaceAndCommas();
            if (pos >= text.length()) {
                return params;
            }
            String name = readToken().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new SyntaxException("parameter name expected at " + pos);
            }
            skipWhitespace();
            expect('=');
            skipWhitespace();
            String value = pos < text.length() && text.charAt(pos) == '"' ? readQuoted() : readToken();
            if (params.put(name, value) != null) {
                throw new SyntaxException("duplicate parameter " + name);
            }
            skipWhitespace();
            if (pos < text.length()) {
                expect(',');
            }
        }
    }

    private String readToken() {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String readQuoted() throws SyntaxException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw new SyntaxException("unterminated quoted string");
    }

    private void expect(char wanted) throws SyntaxException {
        if (pos >= text.length() || text.charAt(pos) != wanted) {
            throw new SyntaxException("'" + wanted + "' expected at " + pos);
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipWhitespaceAndCommas() {
        while (pos < text.length() && (isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
            pos++;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** RFC 7230 tchar, plus '/' ':' '@' which SIP UAs put unquoted in uri and nonce values. */
    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~/:@".indexOf(c) >= 0;
    }
}
