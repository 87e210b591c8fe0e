package io.vpbx.admin.domain.category;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one number: its category, every matched rule as a human sentence (granting rules
 * and penalties, in rule-set order) and the rule-set version that decided, so a stored verdict can
 * be recomputed when the rules change. A number that matches no rule is REGULAR with no reasons.
 */
public record Classification(NumberCategory category, List<String> reasons, String ruleSetVersion) {

    public Classification {
        Objects.requireNonNull(category, "category");
        reasons = List.copyOf(reasons);
        if (ruleSetVersion == null || ruleSetVersion.isBlank()) {
            throw new IllegalArgumentException("ruleSetVersion must not be blank");
        }
    }
}
