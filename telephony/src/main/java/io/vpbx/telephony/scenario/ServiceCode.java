package io.vpbx.telephony.scenario;

import java.util.regex.Pattern;

/**
 * A feature code an account's employees dial to run one of its scenarios: {@code *} then 2..6 digits ({@code *12},
 * {@code *7001}). The star keeps codes apart from extensions (digits only) and from numbers, so a code never shadows
 * either; it is unique within its account.
 */
public record ServiceCode(String code) {
    public static final int MIN_DIGITS = 2;
    public static final int MAX_DIGITS = 6;
    private static final Pattern GRAMMAR = Pattern.compile("\\*[0-9]{" + MIN_DIGITS + "," + MAX_DIGITS + "}");

    public ServiceCode {
        if (!isServiceCode(code)) {
            throw new IllegalArgumentException("a service code is * followed by " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " digits; got '" + code + "'");
        }
    }

    /** Whether {@code text} is written as a service code. */
    public static boolean isServiceCode(String text) {
        return text != null && GRAMMAR.matcher(text).matches();
    }

    @Override
    public String toString() {
        return code;
    }
}
