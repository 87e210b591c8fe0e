package io.vpbx.sip.routing;

import java.util.Set;

/**
 * The country calling code at the start of an E.164 number (ITU-T E.164 and its list of assigned codes): codes are
 * one, two or three digits and no code is a prefix of another, so the known one- and two-digit codes decide and
 * every other number has a three-digit code. Zone 7 is shared: +76 and +77 are Kazakhstan, told apart from Russia
 * so that a call from a Russian number to Kazakhstan counts as international.
 */
public final class CountryCodes {
    private static final Set<String> TWO_DIGITS = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
            "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
            "86", "90", "91", "92", "93", "94", "95", "98");

    private CountryCodes() {
    }

    /** The number's country code with its plus ({@code +7}, {@code +86}, {@code +375}), or null for a non-E.164 text. */
    public static String of(String e164) {
        if (e164 == null || e164.length() < 3 || e164.charAt(0) != '+') {
            return null;
        }
        char first = e164.charAt(1);
        if (first == '1') {
            return "+1";
        }
        if (first == '7') {
            char second = e164.charAt(2);
            return second == '6' || second == '7' ? "+7" + second : "+7";
        }
        if (TWO_DIGITS.contains(e164.substring(1, 3))) {
            return e164.substring(0, 3);
        }
        return e164.length() >= 4 ? e164.substring(0, 4) : null;
    }
}
