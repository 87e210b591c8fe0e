package io.vpbx.admin.domain.number;

/**
 * The Chinese numbering plan (+86) as far as vpbx serves it:
 * <ul>
 *   <li>mobile: 11 digits 1[3-9]x xxxx xxxx, region = the 3-digit prefix;</li>
 *   <li>400 numbers: 400 xxx xxxx (toll-free for the caller's long-distance part), region "400";</li>
 *   <li>city: area code + 7 or 8 digit subscriber; area codes 10 and 20-29 have 2 digits, all
 *       others 3; dialled at home with the trunk 0 ("010 1234 5678"), which E.164 drops.</li>
 * </ul>
 * 800 free-phone numbers are not served.
 */
final class ChineseNumberPlan {

    private static final String CODE = Country.CN.callingCode();

    private ChineseNumberPlan() {
    }

    /** The national significant number (what follows +86, or bare digits with the CN hint). */
    static PhoneNumber fromNational(String asTyped, String nsn) {
        int length = nsn.length();
        char first = nsn.charAt(0);
        if (first == '0') {
            throw new InvalidPhoneNumberException(asTyped,
                    "after +86 the trunk 0 is dropped: write +86 10 ..., not +86 010 ...");
        }
        if (length < 9 || length > 11) {
            throw new InvalidPhoneNumberException(asTyped,
                    "a Chinese number has 9 to 11 digits after +86, got " + length);
        }
        if (nsn.startsWith("400")) {
            if (length != 10) {
                throw new InvalidPhoneNumberException(asTyped, "a Chinese 400 number has 10 digits, got " + length);
            }
            return number(asTyped, nsn, NumberType.TOLL_FREE, "400");
        }
        if (nsn.startsWith("800")) {
            throw new InvalidPhoneNumberException(asTyped, "Chinese 800 numbers are not served; 400 numbers are");
        }
        if (first == '1' && nsn.charAt(1) != '0') {
            char second = nsn.charAt(1);
            if (second < '3') {
                throw new InvalidPhoneNumberException(asTyped, "no Chinese number starts with 1" + second);
            }
            if (length != 11) {
                throw new InvalidPhoneNumberException(asTyped, "a Chinese mobile number has 11 digits, got " + length);
            }
            return number(asTyped, nsn, NumberType.MOBILE, nsn.substring(0, 3));
        }
        return city(asTyped, nsn);
    }

    /** The digits after the domestic trunk 0: always a city number. */
    static PhoneNumber fromTrunk(String asTyped, String afterTrunk) {
        if (afterTrunk.isEmpty()) {
            throw new InvalidPhoneNumberException(asTyped, "an area code must follow the trunk 0");
        }
        if (afterTrunk.startsWith("400")) {
            throw new InvalidPhoneNumberException(asTyped, "400 numbers are dialled without the trunk 0");
        }
        if (afterTrunk.charAt(0) == '1' && !afterTrunk.startsWith("10")) {
            throw new InvalidPhoneNumberException(asTyped, "Chinese mobile numbers are dialled without the trunk 0");
        }
        return city(asTyped, afterTrunk);
    }

    private static PhoneNumber city(String asTyped, String nsn) {
        char first = nsn.charAt(0);
        int areaDigits = first == '1' || first == '2' ? 2 : 3;
        int subscriber = nsn.length() - areaDigits;
        String area = nsn.substring(0, Math.min(areaDigits, nsn.length()));
        if (subscriber < 7 || subscriber > 8) {
            throw new InvalidPhoneNumberException(asTyped, "a Chinese city number has 7 or 8 digits after area code "
                    + area + ", got " + Math.max(subscriber, 0));
        }
        return number(asTyped, nsn, NumberType.CITY, area);
    }

    private static PhoneNumber number(String asTyped, String nsn, NumberType type, String region) {
        return new PhoneNumber("+" + CODE + nsn, asTyped, Country.CN, type, region);
    }
}
