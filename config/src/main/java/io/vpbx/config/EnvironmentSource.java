package io.vpbx.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Configuration read from environment variables. Key {@code admin.port} is set by {@code VPBX_ADMIN_PORT};
 * {@code VPBX_CONFIG} names an override file. Any other {@code VPBX_} variable is a mistake (a typo or a
 * removed key) and is reported, because silently ignoring it would run with a value the operator did not
 * intend.
 *
 * @param values key to environment value, for known keys only
 * @param configFile the override file path from {@code VPBX_CONFIG}, if set
 */
record EnvironmentSource(Map<String, SourcedValue> values, Optional<SourcedValue> configFile) {

    static final String CONFIG_VARIABLE = ConfigKey.ENV_PREFIX + "CONFIG";

    EnvironmentSource {
        values = Map.copyOf(values);
        configFile = configFile == null ? Optional.empty() : configFile;
    }

    /** Reads the {@code VPBX_} variables of {@code env}; unknown ones are added to {@code problems}. */
    static EnvironmentSource read(Map<String, String> env, KeyCatalogue catalogue, List<String> problems) {
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        Optional<SourcedValue> configFile = Optional.empty();
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ConfigKey.ENV_PREFIX)) {
                continue;
            }
            SourcedValue sourced = new SourcedValue(variable.getValue(), "env " + name);
            if (name.equals(CONFIG_VARIABLE)) {
                configFile = Optional.of(sourced);
                continue;
            }
            Optional<ConfigKey> key = catalogue.findByEnvName(name);
            if (key.isPresent()) {
                values.put(key.get().name(), sourced);
            } else {
                problems.add("unknown environment variable " + name
                        + ": it maps to no configuration key (see --help for the known keys)");
            }
        }
        return new EnvironmentSource(values, configFile);
    }
}
