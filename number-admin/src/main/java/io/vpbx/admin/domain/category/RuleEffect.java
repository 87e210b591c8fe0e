package io.vpbx.admin.domain.category;

import java.util.Objects;

/** What a matching rule does: grant a category, or lower the granted category by some steps. */
public sealed interface RuleEffect permits RuleEffect.Grant, RuleEffect.Penalty {

    /** Candidates for the result; the highest granted category wins. */
    record Grant(NumberCategory category) implements RuleEffect {
        public Grant {
            Objects.requireNonNull(category, "category");
        }
    }

    /** Applied after the highest grant, summed over matching penalty rules; never below REGULAR. */
    record Penalty(int steps) implements RuleEffect {
        public static final int MAX_STEPS = 5;

        public Penalty {
            if (steps < 1 || steps > MAX_STEPS) {
                throw new IllegalArgumentException("a penalty lowers 1.." + MAX_STEPS + " steps, got " + steps);
            }
        }
    }
}
