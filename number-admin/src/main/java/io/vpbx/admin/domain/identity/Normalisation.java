package io.vpbx.admin.domain.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * How a typed document number becomes the one form that is checked, stored and fingerprinted:
 * the characters in {@code strip} are removed wherever they occur (spaces, hyphens, ...), then
 * letters are upper-cased when {@code upperCase} is set. Surrounding whitespace always goes.
 */
public record Normalisation(String strip, boolean upperCase) {

    public Normalisation {
        Objects.requireNonNull(strip, "strip");
    }

    public String apply(String typed) {
        String trimmed = typed.strip();
        StringBuilder kept = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (strip.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        String normalised = kept.toString();
        return upperCase ? normalised.toUpperCase(Locale.ROOT) : normalised;
    }
}
