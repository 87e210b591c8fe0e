package io.vpbx.admin.domain.number;

/**
 * The Russian numbering plan (+7): a 10-digit national number whose first digit is 3, 4 or 8
 * (geographic ABC codes, 8xx services) or 9 (mobile DEF codes). +7 6xx and +7 7xx belong to
 * Kazakhstan and are refused. 800 is toll-free, 9xx mobile, everything else a city number.
 */
final class RussianNumberPlan {

    static final int NATIONAL_DIGITS = 10;
    private static final String CODE = Country.RU.callingCode();

    private RussianNumberPlan() {
    }

    /** Digits dialled inside Russia: 8 trunk + 10, 7 + 10 (the country code without '+'), or bare 10. */
    static PhoneNumber fromDomestic(String asTyped, String digits) {
        char first = digits.charAt(0);
        if (first == '7') {
            return fromNational(asTyped, digits.substring(1), " after +7");
        }
        if (first == '8' && digits.length() == NATIONAL_DIGITS + 1) {
            return fromNational(asTyped, digits.substring(1), " after the trunk prefix 8");
        }
        if (digits.length() != NATIONAL_DIGITS) {
            throw new InvalidPhoneNumberException(asTyped, "a Russian number has " + NATIONAL_DIGITS
                    + " digits (11 with a leading 8 or 7), got " + digits.length());
        }
        return fromNational(asTyped, digits, "");
    }

    /** The national significant number, e.g. the digits after +7; {@code where} completes the length message. */
    static PhoneNumber fromNational(String asTyped, String national, String where) {
        if (national.length() != NATIONAL_DIGITS) {
            throw new InvalidPhoneNumberException(asTyped, "a Russian number has " + NATIONAL_DIGITS
                    + " digits" + where + ", got " + national.length());
        }
        char first = national.charAt(0);
        if (first == '6' || first == '7') {
            throw new InvalidPhoneNumberException(asTyped, "+7 " + first
                    + "xx is a Kazakh number; only Russian numbers are served");
        }
        if (first != '3' && first != '4' && first != '8' && first != '9') {
            throw new InvalidPhoneNumberException(asTyped,
                    "a Russian national number starts with 3, 4, 8 or 9, got " + first);
        }
        String region = national.substring(0, 3);
        NumberType type = first == '9' ? NumberType.MOBILE
                : region.equals("800") ? NumberType.TOLL_FREE
                : NumberType.CITY;
        return new PhoneNumber("+" + CODE + national, asTyped, Country.RU, type, region);
    }
}
