package io.vpbx.config;

import java.util.Objects;

/**
 * One raw configuration value as text, with the place it came from, e.g. {@code "defaults"},
 * {@code "file /etc/vpbx.properties"}, {@code "env VPBX_ADMIN_PORT"} or {@code "flag --admin.port"}.
 */
record SourcedValue(String text, String source) {

    SourcedValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
