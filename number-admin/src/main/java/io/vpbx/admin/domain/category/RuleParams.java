package io.vpbx.admin.domain.category;

import java.util.List;
import java.util.Map;

/** Typed, validated access to one rule's params; every error names the rule and the param. */
final class RuleParams {

    /** Longest window any rule may look at (a national number has at most 11 digits here). */
    static final int MAX_DIGITS = 11;

    private final String ruleId;
    private final Map<String, String> values;

    RuleParams(String ruleId, PatternKind kind, Map<String, String> values) {
        this.ruleId = ruleId;
        this.values = values;
        for (String name : values.keySet()) {
            if (!kind.paramNames().contains(name)) {
                throw invalid(name, "is not a param of " + kind.wireName() + " (expected " + kind.paramNames() + ")");
            }
        }
    }

    int length(String name) {
        return integer(name, 1, MAX_DIGITS);
    }

    int digit(String name) {
        return integer(name, 0, 9);
    }

    int integer(String name, int min, int max) {
        String text = required(name);
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw invalid(name, "must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** One of {@code allowed}, compared case-insensitively; returned in the allowed spelling. */
    String choice(String name, List<String> allowed) {
        String text = required(name).trim();
        for (String option : allowed) {
            if (option.equalsIgnoreCase(text)) {
                return option;
            }
        }
        throw invalid(name, "must be one of " + allowed + ", got '" + text + "'");
    }

    private String required(String name) {
        String text = values.get(name);
        if (text == null) {
            throw invalid(name, "is missing");
        }
        return text;
    }

    private IllegalArgumentException invalid(String name, String problem) {
        return new IllegalArgumentException("rule '" + ruleId + "': param '" + name + "' " + problem);
    }
}
