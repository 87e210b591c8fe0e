package io.vpbx.admin.domain.people;

/**
 * A contact phone as shown to someone who has not signed in yet: the country code and the last two digits
 * ({@code +7 *** ***-**-67}), enough to tell which phone to look at, too little to learn the number.
 */
public final class PhoneHint {
    private PhoneHint() {
    }

    public static String of(String e164) {
        if (e164 == null || e164.length() < 6 || !e164.startsWith("+")) {
            return null;
        }
        // +1 (NANP) and +7 are one digit; most other country codes take two, and a hint needs no more precision
        int codeLength = e164.charAt(1) == '1' || e164.charAt(1) == '7' ? 1 : 2;
        return e164.substring(0, 1 + codeLength) + " *** ***-**-" + e164.substring(e164.length() - 2);
    }
}
