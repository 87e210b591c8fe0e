package io.vpbx.admin.domain.category;

import java.util.Map;
import java.util.Objects;

/**
 * One rule as data: a pattern kind with its params, what a match does (grant a category or lower
 * the result), and the reason sentence shown to people. Rules sharing a {@code group} form a
 * ladder: only the first matching rule of a group (in rule-set order) counts, so a number ending in
 * 7777777 is "7 identical digits at the end", not also 6, 5, 4 and 3. A rule without a group is its
 * own group. Validated on construction: errors name the rule id and the field.
 */
public record CategoryRule(String id, String group, PatternKind kind, Map<String, String> params,
                           RuleEffect effect, String reason) {

    public CategoryRule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule needs a non-blank 'id'");
        }
        group = group == null || group.isBlank() ? id : group;
        if (kind == null) {
            throw missing(id, "kind");
        }
        if (effect == null) {
            throw missing(id, "grants' or 'lowers");
        }
        if (reason == null || reason.isBlank()) {
            throw missing(id, "reason");
        }
        params = Map.copyOf(Objects.requireNonNullElse(params, Map.of()));
        kind.detector(id, params);
        ReasonTemplate.compile(id, reason, params);
    }

    PatternDetector detector() {
        return kind.detector(id, params);
    }

    ReasonTemplate reasonTemplate() {
        return ReasonTemplate.compile(id, reason, params);
    }

    private static IllegalArgumentException missing(String id, String field) {
        return new IllegalArgumentException("rule '" + id + "': field '" + field + "' is missing");
    }
}
