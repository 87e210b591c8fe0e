package io.vpbx.admin.domain.identity;

import io.vpbx.admin.domain.WireName;
import java.time.LocalDate;
import java.util.Optional;

/** How a document number proves itself beyond its format; named in the catalogue by {@link #wireName()}. */
public enum CheckAlgorithm implements WireName {
    /** No check character: the format is all there is. */
    NONE,
    /** GB 11643 / ISO 7064 MOD 11-2, plus a real, past birth date inside the number. */
    CN_RESIDENT_ID_MOD11_2,
    /** GB 32100-2015 Unified Social Credit Code check character. */
    CN_USCC_GB32100,
    /** GB 11714-1997 organization code check character. */
    CN_ORG_CODE_GB11714,
    /** ISO/IEC 7812 Luhn mod 10 over an all-digit number. */
    LUHN;

    public static CheckAlgorithm fromWire(String name) {
        return WireName.exact(CheckAlgorithm.class, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown check algorithm '" + name + "', expected one of " + WireName.all(CheckAlgorithm.class)));
    }

    /**
     * What is wrong with a normalised number, or empty when it passes. The reason never quotes the
     * number; {@code today} bounds dates embedded in the number.
     */
    public Optional<String> problem(String number, LocalDate today) {
        switch (this) {
            case NONE:
                return Optional.empty();
            case CN_RESIDENT_ID_MOD11_2:
                return ResidentIdCheck.problem(number, today);
            case CN_USCC_GB32100:
                return CreditCodeCheck.problem(number);
            case CN_ORG_CODE_GB11714:
                return OrganizationCodeCheck.problem(number);
            case LUHN:
                return Luhn.valid(number) ? Optional.empty() : Optional.of("check digit does not match");
            default:
                throw new AssertionError(this);
        }
    }
}
