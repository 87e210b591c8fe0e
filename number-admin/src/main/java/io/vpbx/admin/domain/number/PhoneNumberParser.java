package io.vpbx.admin.domain.number;

import java.util.Objects;

/**
 * The one normaliser that turns every typed or imported number into E.164 at the edge.
 * Stateless and thread-safe; no regex in the hot path.
 *
 * <p>Accepted forms: separators space - ( ) . anywhere; '+' or "00" for international input
 * (only +7 and +86 are served; an explicit country code always wins over the hint).
 * Domestic input without a hint resolves to Russia, except the recognisable Chinese forms:
 * a leading trunk 0 ("010 1234 5678"), 10 digits starting with 400, and 11-digit mobiles
 * 1[3-9]xxxxxxxxx. With the hint CN, bare digits are read as a Chinese national number; with the
 * hint RU, as Russian.
 */
public final class PhoneNumberParser {

    private static final String CN_CODE = Country.CN.callingCode();
    private static final String RU_CODE = Country.RU.callingCode();

    /** Parses with the default resolution described on the class. */
    public PhoneNumber parse(String input) {
        DialString dial = DialString.scan(input);
        if (dial.international()) {
            return international(input, dial.digits());
        }
        String digits = dial.digits();
        if (digits.charAt(0) == '0') {
            return ChineseNumberPlan.fromTrunk(input, digits.substring(1));
        }
        if (looksChinese(digits)) {
            return ChineseNumberPlan.fromNational(input, digits);
        }
        return RussianNumberPlan.fromDomestic(input, digits);
    }

    /** Parses reading domestic (non-international) input as a number of {@code hint}. */
    public PhoneNumber parse(String input, Country hint) {
        Objects.requireNonNull(hint, "hint");
        DialString dial = DialString.scan(input);
        String digits = dial.digits();
        if (dial.international()) {
            return international(input, digits);
        }
        return switch (hint) {
            case RU -> RussianNumberPlan.fromDomestic(input, digits);
            case CN -> digits.charAt(0) == '0'
                    ? ChineseNumberPlan.fromTrunk(input, digits.substring(1))
                    : ChineseNumberPlan.fromNational(input, digits);
        };
    }

    private static PhoneNumber international(String input, String digits) {
        if (digits.startsWith(RU_CODE)) {
            return RussianNumberPlan.fromNational(input, digits.substring(RU_CODE.length()), " after +7");
        }
        if (digits.startsWith(CN_CODE)) {
            if (digits.length() == CN_CODE.length()) {
                throw new InvalidPhoneNumberException(input, "no digits after +86");
            }
            return ChineseNumberPlan.fromNational(input, digits.substring(CN_CODE.length()));
        }
        throw new InvalidPhoneNumberException(input, "only +7 (Russia) and +86 (China) numbers are served, got +" + digits);
    }

    /** 400 + 7 digits, or an 11-digit mobile 1[3-9]...; never valid Russian input. */
    private static boolean looksChinese(String digits) {
        int length = digits.length();
        if (length == 10 && digits.startsWith("400")) {
            return true;
        }
        return length == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3';
    }
}
