package io.vpbx.admin.domain.category;

import io.vpbx.admin.domain.number.Country;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * All category rules of one country under one version. The rules look at the last
 * {@code subscriberDigits} digits of the national number. Validated as a whole on construction:
 * unique rule ids, every rule fits the window, at most {@link #MAX_RULES} rules, and each group is
 * a ladder of the same effect from best to worst (so "first match in the group wins" picks the
 * best one).
 */
public record CategoryRuleSet(Country country, String version, int subscriberDigits, List<CategoryRule> rules) {

    /** Rules and groups are tracked in 64-bit masks while classifying. */
    public static final int MAX_RULES = 64;

    public CategoryRuleSet {
        Objects.requireNonNull(country, "country");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("rule set for " + country + ": 'version' is missing");
        }
        if (subscriberDigits < 1 || subscriberDigits > RuleParams.MAX_DIGITS) {
            throw new IllegalArgumentException("rule set " + version + ": 'subscriberDigits' must be 1.."
                    + RuleParams.MAX_DIGITS + ", got " + subscriberDigits);
        }
        rules = List.copyOf(rules);
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("rule set " + version + " has " + rules.size()
                    + " rules, at most " + MAX_RULES);
        }
        validate(version, subscriberDigits, rules);
    }

    private static void validate(String version, int window, List<CategoryRule> rules) {
        Set<String> ids = new HashSet<>();
        Map<String, CategoryRule> lastOfGroup = new HashMap<>();
        for (CategoryRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule set " + version + ": duplicate rule id '" + rule.id() + "'");
            }
            int needed = rule.detector().minimumDigits();
            if (needed > window) {
                throw new IllegalArgumentException("rule '" + rule.id() + "': field 'params' needs " + needed
                        + " digits but rule set " + version + " looks at the last " + window);
            }
            CategoryRule previous = lastOfGroup.put(rule.group(), rule);
            if (previous != null && !descends(previous.effect(), rule.effect())) {
                throw new IllegalArgumentException("rule '" + rule.id() + "': group '" + rule.group()
                        + "' must list rules of one effect from strongest to weakest, but it follows '"
                        + previous.id() + "'");
            }
        }
    }

    private static boolean descends(RuleEffect before, RuleEffect after) {
        if (before instanceof RuleEffect.Grant b && after instanceof RuleEffect.Grant a) {
            return b.category().compareTo(a.category()) >= 0;
        }
        if (before instanceof RuleEffect.Penalty b && after instanceof RuleEffect.Penalty a) {
            return b.steps() >= a.steps();
        }
        return false;
    }
}
