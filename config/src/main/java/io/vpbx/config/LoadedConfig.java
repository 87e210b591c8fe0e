package io.vpbx.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded configuration together with its effective view for the startup log.
 *
 * @param config the typed configuration
 * @param effective every key, in defaults-file order, to {@code "value (from source)"}, e.g.
 *     {@code "8081 (from flag --admin.port)"}; secrets (db.password, operator.key) show as {@code ****}
 */
public record LoadedConfig(VpbxConfig config, Map<String, String> effective) {

    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        effective = Collections.unmodifiableMap(new LinkedHashMap<>(effective));
    }
}
