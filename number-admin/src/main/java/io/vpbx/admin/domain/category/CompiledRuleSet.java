package io.vpbx.admin.domain.category;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule set turned into arrays for the hot path: one pass over the rules per number, group ladders
 * and matches tracked in bit masks, no allocation unless something matched (then one window-sized
 * array, the reasons and the verdict).
 */
final class CompiledRuleSet {

    private static final NumberCategory[] CATEGORIES = NumberCategory.values();

    private final String version;
    private final int window;
    private final int codeLength;
    private final PatternDetector[] detectors;
    private final ReasonTemplate[] reasons;
    private final long[] groupBits;
    private final int[] grants;
    private final int[] penalties;
    private final Classification nothingMatched;

    CompiledRuleSet(CategoryRuleSet set) {
        List<CategoryRule> rules = set.rules();
        int n = rules.size();
        this.version = set.version();
        this.window = set.subscriberDigits();
        this.codeLength = set.country().callingCode().length();
        this.detectors = new PatternDetector[n];
        this.reasons = new ReasonTemplate[n];
        this.groupBits = new long[n];
        this.grants = new int[n];
        this.penalties = new int[n];
        Map<String, Integer> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CategoryRule rule = rules.get(i);
            detectors[i] = rule.detector();
            reasons[i] = rule.reasonTemplate();
            groupBits[i] = 1L << groups.computeIfAbsent(rule.group(), g -> groups.size());
            if (rule.effect() instanceof RuleEffect.Grant grant) {
                grants[i] = grant.category().rank();
            } else if (rule.effect() instanceof RuleEffect.Penalty penalty) {
                penalties[i] = penalty.steps();
            }
        }
        this.nothingMatched = new Classification(NumberCategory.REGULAR, List.of(), version);
    }

    Classification classify(String e164) {
        byte[] w = window(e164);
        long groupsDone = 0;
        long matched = 0;
        int best = 0;
        int lowered = 0;
        for (int i = 0; i < detectors.length; i++) {
            if ((groupsDone & groupBits[i]) == 0 && detectors[i].matches(w)) {
                groupsDone |= groupBits[i];
                matched |= 1L << i;
                best = Math.max(best, grants[i]);
                lowered += penalties[i];
            }
        }
        if (matched == 0) {
            return nothingMatched;
        }
        List<String> because = new ArrayList<>(Long.bitCount(matched));
        for (int i = 0; i < detectors.length; i++) {
            if ((matched & (1L << i)) != 0) {
                because.add(reasons[i].render(w, detectors[i].explain(w)));
            }
        }
        return new Classification(CATEGORIES[Math.max(0, best - lowered)], because, version);
    }

    String version() {
        return version;
    }

    /** The last {@code window} national digits as values 0-9 (fewer if the national number is shorter). */
    private byte[] window(String e164) {
        int end = e164.length();
        int start = Math.max(1 + codeLength, end - window);
        byte[] w = new byte[end - start];
        for (int i = start; i < end; i++) {
            w[i - start] = (byte) (e164.charAt(i) - '0');
        }
        return w;
    }
}
