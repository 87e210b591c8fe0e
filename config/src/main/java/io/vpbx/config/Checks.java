package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The invariants the configuration records enforce in their constructors, shared so that records built
 * in code obey the same limits as records built by {@link ConfigLoader}.
 */
final class Checks {

    static final int MIN_PORT = 0;
    static final int MAX_PORT = 65535;
    static final String JDBC_PREFIX = "jdbc:";

    private Checks() {
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    static int requirePort(int value, String name) {
        return requireBetween(value, MIN_PORT, MAX_PORT, name);
    }

    static int requireBetween(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + " but is " + value);
        }
        return value;
    }

    static long requireAtLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + " but is " + value);
        }
        return value;
    }

    static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but is " + value);
        }
        return value;
    }

    static boolean isJdbcUrl(String url) {
        return url.startsWith(JDBC_PREFIX) && url.length() > JDBC_PREFIX.length();
    }
}
