package io.vpbx.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One known configuration key as declared in the defaults file: its name, default text, the comment
 * sentence documenting it, and whether its value is a secret that must never be shown.
 */
record ConfigKey(String name, String defaultValue, String description, boolean secret) {

    static final String ENV_PREFIX = "VPBX_";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

    ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid configuration key name '" + name + "'");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("configuration key " + name + " has no description");
        }
    }

    /** The environment variable that sets this key. */
    String envName() {
        return envNameOf(name);
    }

    /** The single env rule: prefix VPBX_, upper case, '.' and '-' become '_'. */
    static String envNameOf(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
