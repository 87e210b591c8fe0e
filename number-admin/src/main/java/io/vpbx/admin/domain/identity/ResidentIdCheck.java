package io.vpbx.admin.domain.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character citizen identity number of GB 11643-1999: a 6-digit address code, an 8-digit
 * birth date YYYYMMDD, a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 * Used by the resident ID card, the temporary resident ID card and the household register.
 */
final class ResidentIdCheck {

    static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ResidentIdCheck() {
    }

    /** The check character for the first 17 digits of {@code body}. */
    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** What is wrong with a normalised number, or empty when it is a valid identity number. */
    static Optional<String> problem(String number, LocalDate today) {
        if (number.length() != LENGTH || !Luhn.isDigits(number.substring(0, LENGTH - 1))) {
            return Optional.of("must be 17 digits followed by a check character 0-9 or X");
        }
        if (checkCharacter(number) != number.charAt(LENGTH - 1)) {
            return Optional.of("check digit does not match");
        }
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("embedded birth date is not a real date");
        }
        if (born.isAfter(today)) {
            return Optional.of("embedded birth date is in the future");
        }
        return Optional.empty();
    }
}
