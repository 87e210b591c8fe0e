package io.vpbx.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration read from command-line flags: {@code --key=value} or {@code --key value} for every known
 * key, {@code --config=PATH} for an override file, and {@code --help}, which is not a key.
 *
 * @param values key to flag value, for known keys only
 * @param configFile the override file path from {@code --config}, if given
 * @param helpRequested whether {@code --help} or {@code -h} was given
 */
record CommandLine(Map<String, SourcedValue> values, Optional<SourcedValue> configFile, boolean helpRequested) {

    static final String CONFIG_FLAG = "config";

    private static final String PREFIX = "--";

    CommandLine {
        values = Map.copyOf(values);
        configFile = configFile == null ? Optional.empty() : configFile;
    }

    /** Reads the flags; unknown flags, stray arguments and missing values are added to {@code problems}. */
    static CommandLine parse(String[] args, KeyCatalogue catalogue, List<String> problems) {
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        Optional<SourcedValue> configFile = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (isHelp(arg)) {
                help = true;
                continue;
            }
            if (!arg.startsWith(PREFIX) || arg.length() == PREFIX.length()) {
                problems.add("unexpected argument '" + arg + "': flags look like --key=value or --key value");
                continue;
            }
            String body = arg.substring(PREFIX.length());
            int equals = body.indexOf('=');
            String name = equals < 0 ? body : body.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = body.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith(PREFIX)) {
                value = args[++i];
            } else {
                problems.add("flag " + PREFIX + name + " needs a value: --" + name + "=VALUE or --" + name + " VALUE");
                continue;
            }
            SourcedValue sourced = new SourcedValue(value, "flag " + PREFIX + name);
            if (name.equals(CONFIG_FLAG)) {
                configFile = Optional.of(sourced);
            } else if (catalogue.contains(name)) {
                values.put(name, sourced);
            } else {
                problems.add("unknown flag " + PREFIX + name + " (see --help for the known keys)");
            }
        }
        return new CommandLine(values, configFile, help);
    }

    static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }
}
