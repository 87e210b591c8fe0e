package io.vpbx.admin.domain.identity;

import java.util.Optional;

/**
 * The 9-character organization code of GB 11714-1997, written "XXXXXXXX-X" and normalised without
 * the hyphen: 8 body characters (digits, or letters A-Z counting 10-35) weighted 3, 7, 9, 10, 5,
 * 8, 4, 2, and a check character 11 minus the sum mod 11, with 10 written X and 11 written 0.
 */
final class OrganizationCodeCheck {

    static final int LENGTH = 9;
    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private OrganizationCodeCheck() {
    }

    /** The check character for the 8 body characters of {@code body}, digits or A-Z. */
    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += value(body.charAt(i)) * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            return 'X';
        }
        return check == 11 ? '0' : (char) ('0' + check);
    }

    /** What is wrong with a normalised code, or empty when it is a valid organization code. */
    static Optional<String> problem(String code) {
        if (code.length() != LENGTH) {
            return Optional.of("must be 9 characters");
        }
        for (int i = 0; i < WEIGHTS.length; i++) {
            if (value(code.charAt(i)) < 0) {
                return Optional.of("may use only digits and the letters A-Z before the check character");
            }
        }
        if (checkCharacter(code) != code.charAt(LENGTH - 1)) {
            return Optional.of("check character does not match");
        }
        return Optional.empty();
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
