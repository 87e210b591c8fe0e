package io.vpbx.config;

import java.util.stream.Collectors;

/** Renders the {@code --help} text: how to set configuration, then every key documented. */
final class HelpText {

    private HelpText() {
    }

    static String render(KeyCatalogue catalogue) {
        String n = System.lineSeparator();
        String header = String.join(n,
                "Usage: vpbx [--config=PATH] [--KEY=VALUE | --KEY VALUE]... [--help]",
                "",
                "Each key is set, from lowest to highest precedence, by the bundled defaults, the file named by",
                "--config=PATH or " + EnvironmentSource.CONFIG_VARIABLE
                        + " (same key=value format), an environment variable, or a flag.",
                "Durations: " + DurationText.EXPECTED.replaceFirst("^a ", "") + ". Booleans: true or false.",
                "",
                "Keys:",
                "");
        return header + catalogue.keys().stream().map(HelpText::entry).collect(Collectors.joining(n + n)) + n;
    }

    private static String entry(ConfigKey key) {
        String n = System.lineSeparator();
        String shownDefault = key.defaultValue().isEmpty() ? "\"\"" : key.defaultValue();
        return "  --" + key.name() + n
                + "      env " + key.envName() + ", default " + shownDefault + n
                + "      " + key.description();
    }
}
