package io.vpbx.admin.domain.number;

/**
 * What the user typed, reduced to digits: separators dropped, a leading '+' or "00" turned into the
 * {@code international} flag. Rejects letters and stray characters. Hand-written scan, no regex:
 * it runs on every imported number.
 */
record DialString(String digits, boolean international) {

    /** Longest input accepted, in characters (a number with generous separators fits easily). */
    static final int MAX_INPUT_CHARS = 64;
    /** ITU-T E.164: at most 15 digits including the country code. */
    static final int MAX_E164_DIGITS = 15;

    static DialString scan(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidPhoneNumberException(input, "phone number is empty");
        }
        if (input.length() > MAX_INPUT_CHARS) {
            throw new InvalidPhoneNumberException(input, "phone number is too long: "
                    + input.length() + " characters, at most " + MAX_INPUT_CHARS);
        }
        char[] buffer = new char[MAX_E164_DIGITS + 2];
        int count = 0;
        boolean plus = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == buffer.length) {
                    throw tooManyDigits(input);
                }
                buffer[count++] = c;
            } else if (c == '+') {
                if (plus || count > 0) {
                    throw new InvalidPhoneNumberException(input, "'+' may only stand at the start of a number");
                }
                plus = true;
            } else if (!isSeparator(c)) {
                throw unexpected(input, c, i);
            }
        }
        if (count == 0) {
            throw new InvalidPhoneNumberException(input, "phone number has no digits");
        }
        boolean doubleZero = !plus && count >= 2 && buffer[0] == '0' && buffer[1] == '0';
        int from = doubleZero ? 2 : 0;
        if ((plus || doubleZero) && count - from > MAX_E164_DIGITS) {
            throw tooManyDigits(input);
        }
        if (count - from == 0) {
            throw new InvalidPhoneNumberException(input, "phone number has no digits after 00");
        }
        return new DialString(new String(buffer, from, count - from), plus || doubleZero);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '\t' || c == '\u00A0';
    }

    private static InvalidPhoneNumberException unexpected(String input, char c, int index) {
        String what = Character.isLetter(c) ? "a phone number cannot contain letters" : "unexpected character";
        return new InvalidPhoneNumberException(input, what + ", found '" + c + "' at position " + (index + 1)
                + "; allowed are digits, a leading + and the separators space - ( ) .");
    }

    private static InvalidPhoneNumberException tooManyDigits(String input) {
        return new InvalidPhoneNumberException(input,
                "too many digits: a phone number has at most " + MAX_E164_DIGITS + " digits");
    }
}
