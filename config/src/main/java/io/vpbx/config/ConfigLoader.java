package io.vpbx.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads vpbx configuration. Sources, lowest to highest precedence: the documented defaults bundled as
 * {@code /vpbx-defaults.properties}; an override file named by {@code --config=PATH} or
 * {@code VPBX_CONFIG}; {@code VPBX_*} environment variables ({@code admin.port -> VPBX_ADMIN_PORT});
 * flags {@code --admin.port=8081} or {@code --admin.port 8081}.
 *
 * <p>Everything wrong (unknown keys, variables or flags, a missing file, invalid values) is collected
 * and thrown together as one {@link ConfigException}. This class is a pure function of its arguments:
 * callers pass {@code System.getenv()} themselves, and tests pass what they need.
 *
 * <p>{@code --help} is not a key: check {@link #helpRequested(String[])} first and print
 * {@link #helpText()} instead of loading.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** The typed configuration, or a {@link ConfigException} listing every problem. */
    public static VpbxConfig load(String[] args, Map<String, String> env) {
        return resolve(args, env).config();
    }

    /** The typed configuration plus its effective view, or a {@link ConfigException} listing every problem. */
    public static LoadedConfig resolve(String[] args, Map<String, String> env) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(env, "env");
        KeyCatalogue catalogue = KeyCatalogue.bundled();
        List<String> problems = new ArrayList<>();
        CommandLine flags = CommandLine.parse(args, catalogue, problems);
        EnvironmentSource environment = EnvironmentSource.read(env, catalogue, problems);

        Map<String, SourcedValue> merged = new LinkedHashMap<>(catalogue.defaults());
        flags.configFile().or(environment::configFile)
                .ifPresent(location -> merged.putAll(OverrideFile.read(location, catalogue, problems)));
        merged.putAll(environment.values());
        merged.putAll(flags.values());

        VpbxConfig config = new ConfigBinder(new ValueReader(catalogue, merged, problems)).bind();
        return new LoadedConfig(config, EffectiveView.of(catalogue, merged));
    }

    /** Whether the arguments ask for help ({@code --help} or {@code -h}) rather than a start. */
    public static boolean helpRequested(String[] args) {
        return Arrays.stream(args).anyMatch(CommandLine::isHelp);
    }

    /** Every key with its environment variable, default and documenting sentence, for the caller to print. */
    public static String helpText() {
        return HelpText.render(KeyCatalogue.bundled());
    }
}
