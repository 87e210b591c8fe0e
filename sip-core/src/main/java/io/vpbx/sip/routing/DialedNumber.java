package io.vpbx.sip.routing;

/**
 * The E.164 form of the user part a carrier puts in a Request-URI, with visual separators allowed; null when it
 * is not a number. Without a plus: {@code 00} starts an international number; 11 digits starting with 7 or 8 are
 * Russian ({@code 84951234567}: the trunk prefix 8); 10 digits starting with 3, 4, 8 or 9 are Russian national
 * ({@code 4951234567}); Chinese national numbers are a mobile of 11 digits starting with 1, or 0 and an area code.
 * Anything else is taken as already international.
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
        if (plus) {
            return "+" + digits;
        }
        return national(digits.toString());
    }

    private static String national(String digits) {
        int length = digits.length();
        char first = digits.charAt(0);
        if (digits.startsWith("00")) {
            String international = digits.substring(2);
            return international.length() >= MIN_DIGITS ? "+" + international : null;
        }
        if (length == 11 && (first == '7' || first == '8')) {
            return "+7" + digits.substring(1);
        }
        if (length == 10 && (first == '3' || first == '4' || first == '8' || first == '9')) {
            return "+7" + digits;
        }
        if (length == 11 && first == '1') {
            return "+86" + digits;
        }
        if (first == '0' && length >= 10 && length <= 12) {
            return "+86" + digits.substring(1);
        }
        return "+" + digits;
    }
}
