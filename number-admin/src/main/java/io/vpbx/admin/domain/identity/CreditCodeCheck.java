package io.vpbx.admin.domain.identity;

import java.util.Optional;

/**
 * The 18-character Unified Social Credit Code of GB 32100-2015, used by business licences and the
 * certificates of institutions and social organizations. Its characters come from a 31-character
 * alphabet without I, O, S, V and Z; the last one is a check character: the first 17 are weighted
 * by 3^i mod 31, and the check is 31 minus the sum mod 31 (31 written as 0).
 */
final class CreditCodeCheck {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodeCheck() {
    }

    /** The check character for the first 17 characters of {@code body}, all from {@link #ALPHABET}. */
    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        int base = ALPHABET.length();
        return ALPHABET.charAt((base - sum % base) % base);
    }

    /** What is wrong with a normalised code, or empty when it is a valid credit code. */
    static Optional<String> problem(String code) {
        if (code.length() != LENGTH) {
            return Optional.of("must be 18 characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("may use only digits and the letters A-H, J-N, P-R, T, U, W-Y");
            }
        }
        if (checkCharacter(code) != code.charAt(LENGTH - 1)) {
            return Optional.of("check character does not match");
        }
        return Optional.empty();
    }
}
