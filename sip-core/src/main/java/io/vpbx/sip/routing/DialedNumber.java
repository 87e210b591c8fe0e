package io.vpbx.sip.routing;

/**
 * The E.164 form of the user part a carrier puts in a Request-URI: {@code +74951234567}, {@code 74951234567},
 * {@code 84951234567} (Russian trunk prefix 8), with visual separators; null when it is not a number.
 */
public final class DialedNumber {
    private static final int MIN_DIGITS = 6;
    private static final int MAX_DIGITS = 15;

    private DialedNumber() {
    }

    public static String toE164(String user) {
        if (user == null || user.isEmpty()) {
            return null;
        }
        int semicolon = user.indexOf(';');
        String number = semicolon < 0 ? user : user.substring(0, semicolon);
        StringBuilder digits = new StringBuilder(16);
        boolean plus = false;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != '-' && c != '.' && c != '(' && c != ')' && c != ' ') {
                return null;
            }
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return null;
        }
        if (!plus && digits.length() == 11 && digits.charAt(0) == '8') {
            digits.setCharAt(0, '7');
        }
        return "+" + digits;
    }
}
