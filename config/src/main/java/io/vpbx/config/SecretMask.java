package io.vpbx.config;

import java.util.regex.Pattern;

/** Hides secrets in anything that may be printed: toString, the effective view, log lines. */
final class SecretMask {

    static final String MASK = "****";

    private static final Pattern URL_PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("//([^/:@]*):[^/@]*@");

    private SecretMask() {
    }

    /** {@code ****} for a set secret, the empty string for an unset one (so "not set" stays visible). */
    static String secret(String value) {
        return value.isEmpty() ? "" : MASK;
    }

    /** The URL with any {@code password=} parameter and {@code user:password@} part masked. */
    static String url(String url) {
        String masked = URL_PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return URL_USER_INFO.matcher(masked).replaceAll("//$1:" + MASK + "@");
    }
}
