package io.vpbx.admin.domain.identity;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One kind of identity document a jurisdiction accepts, read from the compliance catalogue.
 *
 * @param code             snake_case key, unique within the jurisdiction, e.g. "ru_internal_passport"
 * @param name             what people call it, for screens and reports
 * @param format           the whole normalised number must match it
 * @param formatText       the format in words, completing "must be ...": "10 digits (4-digit series, 6-digit number)"
 * @param expiryRequired   whether the holder must give the date the document expires
 * @param maxValidityYears how far ahead an expiry date may lie, counted from the day of the check; empty: no limit
 */
public record DocumentType(
        Jurisdiction jurisdiction,
        String code,
        String name,
        HolderKind holderKind,
        Pattern format,
        String formatText,
        Normalisation normalisation,
        CheckAlgorithm check,
        boolean expiryRequired,
        OptionalInt maxValidityYears) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public DocumentType {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(holderKind, "holderKind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(formatText, "formatText");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(maxValidityYears, "maxValidityYears");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("document type code '" + code + "' must be snake_case");
        }
        if (maxValidityYears.isPresent() && maxValidityYears.getAsInt() < 1) {
            throw new IllegalArgumentException("document type " + code + ": maxValidityYears must be at least 1");
        }
    }

    /** True when the normalised number has this type's format. */
    public boolean hasFormat(String normalised) {
        return format.matcher(normalised).matches();
    }

    /** Records compare their {@link Pattern} by identity; two types with the same regex are equal here. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentType that
                && jurisdiction == that.jurisdiction
                && code.equals(that.code)
                && name.equals(that.name)
                && holderKind == that.holderKind
                && format.pattern().equals(that.format.pattern())
                && formatText.equals(that.formatText)
                && normalisation.equals(that.normalisation)
                && check == that.check
                && expiryRequired == that.expiryRequired
                && maxValidityYears.equals(that.maxValidityYears);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jurisdiction, code, name, holderKind, format.pattern(), formatText, normalisation, check,
                expiryRequired, maxValidityYears);
    }
}
