package io.vpbx.admin.domain.thirdparty;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.InvalidPhoneNumberException;
import io.vpbx.admin.domain.number.NumberType;
import io.vpbx.admin.domain.number.PhoneNumber;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.telephony.grammar.SipGrammar;

/** The rules for a third-party line's fields as they arrive in a request, each naming the field when broken. */
public final class ThirdPartyFields {
    public static final int MAX_LOGIN = 64;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_COMMENT = 1000;
    public static final int DEFAULT_PORT = 5060;
    public static final int MIN_EXPIRES = 60;
    public static final int MAX_EXPIRES = 86_400;
    public static final int DEFAULT_EXPIRES = 3600;
    public static final LineTransport DEFAULT_TRANSPORT = LineTransport.UDP;
    static final String CONTACT_OPERATOR = "only Russian mobile and city numbers (+7) can be connected here; "
            + "to connect this number, contact the operator";

    private ThirdPartyFields() {
    }

    /**
     * The number to connect. An account connects Russian mobile and city numbers itself; any other number (another
     * country, a toll-free 8-800) needs the operator, who may connect any number vpbx can parse.
     */
    public static PhoneNumber number(PhoneNumberParser parser, String field, String input, boolean operator) {
        if (input == null || input.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        PhoneNumber number;
        try {
            number = parser.parse(input);
        } catch (InvalidPhoneNumberException e) {
            if (!operator && foreignCountryCode(input)) {
                throw new InvalidFieldException(field, CONTACT_OPERATOR);
            }
            throw new InvalidFieldException(field, e.getMessage());
        }
        if (!operator && (number.country() != Country.RU || number.type() == NumberType.TOLL_FREE)) {
            throw new InvalidFieldException(field, CONTACT_OPERATOR);
        }
        return number;
    }

    /** "+44 ..." or "0044 ...": an international number whose country code is not Russia's 7. */
    static boolean foreignCountryCode(String input) {
        String trimmed = input.strip();
        String rest = trimmed.startsWith("+") ? trimmed.substring(1) : trimmed.startsWith("00") ? trimmed.substring(2) : null;
        if (rest == null) {
            return false;
        }
        String digits = rest.replaceAll("[^0-9]", "");
        return !digits.isEmpty() && digits.charAt(0) != '7';
    }

    /**
     * 1..64 characters of the RFC 3261 {@code user} rule (letters, digits, {@code -_.!~*'()&=+$,;?/} and %-escapes):
     * the login becomes the user part of our From and To, so nothing in it may close the URI or the header.
     */
    public static String login(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LOGIN) {
            throw new InvalidFieldException(field, "must be 1.." + MAX_LOGIN + " characters");
        }
        SipGrammar.userProblem(value).ifPresent(problem -> {
            throw new InvalidFieldException(field, problem);
        });
        return value;
    }

    /** 1..128 characters, taken as given (never trimmed: a space may be part of it). */
    public static String password(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_PASSWORD) {
            throw new InvalidFieldException(field, "must be 1.." + MAX_PASSWORD + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException(field, "must not contain control characters");
        }
        return value;
    }

    public static String server(String field, String value) {
        return RegistrarHost.of(field, value);
    }

    /** 1..65535; null means 5060. */
    public static int port(String field, Integer value) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        if (value < 1 || value > 65_535) {
            throw new InvalidFieldException(field, "must be 1..65535, got " + value);
        }
        return value;
    }

    /** "udp" or "tcp"; null means udp. */
    public static LineTransport transport(String field, String value) {
        if (value == null) {
            return DEFAULT_TRANSPORT;
        }
        return LineTransport.fromWire(value)
                .orElseThrow(() -> new InvalidFieldException(field, "must be udp or tcp, got '" + value + "'"));
    }

    /** How long each registration asks for, 60..86400 s; null means 3600. */
    public static int expires(String field, Integer value) {
        if (value == null) {
            return DEFAULT_EXPIRES;
        }
        if (value < MIN_EXPIRES || value > MAX_EXPIRES) {
            throw new InvalidFieldException(field, "must be " + MIN_EXPIRES + ".." + MAX_EXPIRES + " seconds, got " + value);
        }
        return value;
    }

    /** At most 1000 characters; null or blank means none. */
    public static String comment(String field, String value) {
        return FreeText.optional(field, value, MAX_COMMENT);
    }
}
