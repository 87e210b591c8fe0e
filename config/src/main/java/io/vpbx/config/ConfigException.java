package io.vpbx.config;

import java.util.List;
import java.util.Objects;

/**
 * Configuration that cannot be used: carries every problem found, so an operator fixes them all in one
 * round instead of one per restart.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence naming the key or input and where it came from. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        String noun = problems.size() == 1 ? " configuration problem:" : " configuration problems:";
        return problems.size() + noun + System.lineSeparator() + "  - "
                + String.join(System.lineSeparator() + "  - ", problems);
    }
}
