package io.vpbx.admin.domain.identity;

/** The Luhn (mod 10) check digit of ISO/IEC 7812, used by IMEIs and card-like numbers. */
final class Luhn {

    private Luhn() {
    }

    /** True when {@code digits} (ASCII digits only, check digit last) passes the Luhn check. */
    static boolean valid(String digits) {
        if (digits.length() < 2 || !isDigits(digits)) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
