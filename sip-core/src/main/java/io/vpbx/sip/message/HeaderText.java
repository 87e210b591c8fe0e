package io.vpbx.sip.message;

import java.util.ArrayList;
import java.util.List;

/** Lexical pieces of RFC 3261 section 25.1 shared by the header readers. */
final class HeaderText {

    private static final String TOKEN_SYMBOLS = "-.!%*_+`'~";

    private HeaderText() {
    }

    /** {@code token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")}. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanum && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code 1*DIGIT}, ASCII digits only. */
    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits at every separator that is outside a quoted string (and outside angle brackets, so that a
     * URI's own parameters stay with it), trimming each piece; empty pieces are kept.
     */
    static List<String> split(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle++;
            } else if (c == '>' && angle > 0) {
                angle--;
            } else if (c == separator && angle == 0) {
                pieces.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        pieces.add(text.substring(start).strip());
        return pieces;
    }

    /** The name of a {@code generic-param} ({@code name [= value]}). */
    static String parameterName(String parameter) {
        int equals = parameter.indexOf('=');
        return (equals < 0 ? parameter : parameter.substring(0, equals)).strip();
    }

    /** The value of a {@code generic-param}, empty when it has none. */
    static String parameterValue(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? "" : parameter.substring(equals + 1).strip();
    }
}
