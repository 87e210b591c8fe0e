package io.vpbx.admin.domain.category;

import io.vpbx.admin.domain.WireName;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The patterns a rule can name, each a small pure detector over the classified window (the last
 * {@code subscriberDigits} digits of the national number). Params are listed per kind; wire names
 * are the lower-case constant names used in the rule-set JSON.
 */
public enum PatternKind {
    /** length: identical digits at the end (xxx7777). */
    TRAILING_IDENTICAL(List.of("length"), p -> new TrailingIdentical(p.length("length"))),
    /** length: identical digits in a row anywhere (55555xx). */
    IDENTICAL_RUN(List.of("length"), p -> new IdenticalRun(p.length("length"))),
    /** pairs: AABB (2) or AABBCC (3) at the end. */
    TRAILING_PAIRS(List.of("pairs"), p -> new TrailingPairs(p.integer("pairs", 2, RuleParams.MAX_DIGITS / 2))),
    /** length, at (end|anywhere): 1234. */
    ASCENDING_RUN(List.of("length", "at"), p -> new MonotonicRun(1, p.integer("length", 3, 10), atEnd(p))),
    /** length, at (end|anywhere): 4321. */
    DESCENDING_RUN(List.of("length", "at"), p -> new MonotonicRun(-1, p.integer("length", 3, 10), atEnd(p))),
    /** length: the last length digits are a palindrome, not all one digit (1234321). */
    MIRROR(List.of("length"), p -> new Mirror(p.integer("length", 3, RuleParams.MAX_DIGITS))),
    /** count: zeros at the end (xxxx000). */
    TRAILING_ZEROS(List.of("count"), p -> new TrailingZeros(p.length("count"))),
    /** block, repeats: a block repeated at the end, ABAB (2, 2), ABCABC (3, 2). */
    TRAILING_REPEAT(List.of("block", "repeats"), p -> new TrailingRepeat(
            p.integer("block", 2, RuleParams.MAX_DIGITS / 2), p.integer("repeats", 2, RuleParams.MAX_DIGITS / 2))),
    /** first, second: AAAA-BBB at the end (4, 3). */
    RUN_THEN_RUN(List.of("first", "second"), p -> new RunThenRun(
            p.integer("first", 2, RuleParams.MAX_DIGITS), p.integer("second", 2, RuleParams.MAX_DIGITS))),
    /** digit, length: a block of one digit anywhere (8888). */
    DIGIT_RUN(List.of("digit", "length"), p -> new DigitRun(p.digit("digit"), p.length("length"))),
    /** digit, count: at least count occurrences of digit (three 8s). */
    DIGIT_COUNT(List.of("digit", "count"), p -> new DigitCount(p.digit("digit"), p.length("count"))),
    /** digit, within: digit present among the last within digits (a 4 near the end); usually a penalty. */
    DIGIT_PRESENT(List.of("digit", "within"), p -> new DigitPresent(p.digit("digit"), p.length("within")));

    private static final List<String> POSITIONS = List.of("end", "anywhere");

    private final List<String> paramNames;
    private final Function<RuleParams, PatternDetector> factory;
    PatternKind(List<String> paramNames, Function<RuleParams, PatternDetector> factory) {
        this.paramNames = paramNames;
        this.factory = factory;
    }

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    /** The params every rule of this kind must give, and the only ones it may give. */
    public List<String> paramNames() {
        return paramNames;
    }

    public static PatternKind fromWire(String wire) {
        return WireName.lenient(PatternKind.class, wire).orElseThrow(() -> new IllegalArgumentException(
                "unknown pattern kind '" + wire + "'"));
    }

    /** Builds the detector, validating params; errors name the rule and the param. */
    PatternDetector detector(String ruleId, Map<String, String> params) {
        return factory.apply(new RuleParams(ruleId, this, params));
    }

    private static boolean atEnd(RuleParams p) {
        return p.choice("at", POSITIONS).equals("end");
    }
}
