package io.vpbx.admin.domain.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.PhoneNumber;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryClassifierTest {

    private static CategoryRule rule(String id, String group, PatternKind kind, Map<String, String> params,
                                     RuleEffect effect, String reason) {
        return new CategoryRule(id, group, kind, params, effect, reason);
    }

    private static final CategoryRuleSet SMALL = new CategoryRuleSet(Country.RU, "T-2", 7, List.of(
            rule("tail-5", "tail", PatternKind.TRAILING_IDENTICAL, Map.of("length", "5"),
                    new RuleEffect.Grant(NumberCategory.GOLD), "{found} alike at the end"),
            rule("tail-3", "tail", PatternKind.TRAILING_IDENTICAL, Map.of("length", "3"),
                    new RuleEffect.Grant(NumberCategory.BRONZE), "{found} alike at the end"),
            rule("zeros", null, PatternKind.TRAILING_ZEROS, Map.of("count", "3"),
                    new RuleEffect.Grant(NumberCategory.SILVER), "trailing {match}"),
            rule("nine", null, PatternKind.DIGIT_PRESENT, Map.of("digit", "9", "within", "7"),
                    new RuleEffect.Penalty(1), "has a {digit}"),
            rule("one", null, PatternKind.DIGIT_PRESENT, Map.of("digit", "1", "within", "7"),
                    new RuleEffect.Penalty(2), "has a {digit}")));

    private final CategoryClassifier classifier = new CategoryClassifier(Map.of(Country.RU, SMALL));

    @Test
    void highestGrantWinsAndEachGroupCountsOnce() {
        Classification verdict = classifier.classify(PhoneNumber.of("+74952300000"));
        assertEquals(NumberCategory.GOLD, verdict.category());
        assertEquals(List.of("5 alike at the end", "trailing 00000"), verdict.reasons());
        assertEquals("T-2", verdict.ruleSetVersion());
    }

    @Test
    void penaltiesAddUpAfterTheBestGrant() {
        Classification verdict = classifier.classify(PhoneNumber.of("+74959100000"));
        assertEquals(NumberCategory.REGULAR, verdict.category(), "GOLD lowered by 1 and by 2");
        assertEquals(List.of("5 alike at the end", "trailing 00000", "has a 9", "has a 1"), verdict.reasons());
        assertEquals(NumberCategory.SILVER, classifier.classify(PhoneNumber.of("+74959200000")).category());
    }

    @Test
    void penaltiesNeverGoBelowRegularButAreStillReported() {
        Classification verdict = classifier.classify(PhoneNumber.of("+74952345679"));
        assertEquals(NumberCategory.REGULAR, verdict.category());
        assertEquals(List.of("has a 9"), verdict.reasons());
    }

    @Test
    void aNumberMatchingNothingIsRegularWithoutReasons() {
        Classification first = classifier.classify(PhoneNumber.of("+74952345678"));
        assertEquals(new Classification(NumberCategory.REGULAR, List.of(), "T-2"), first);
        assertSame(first, classifier.classify(PhoneNumber.of("+74952345687")), "no allocation for plain numbers");
    }

    @Test
    void refusesCountriesWithoutRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classifier.classify(PhoneNumber.of("+8613812345678")));
        assertEquals("no category rule set for CN", e.getMessage());
    }

    @Test
    void refusesARuleSetFiledUnderTheWrongCountry() {
        assertThrows(IllegalArgumentException.class, () -> new CategoryClassifier(Map.of(Country.CN, SMALL)));
    }

    @Test
    void categoriesAreOrderedAndHaveWireNames() {
        assertTrue(NumberCategory.DIAMOND.compareTo(NumberCategory.PLATINUM) > 0);
        assertEquals("platinum", NumberCategory.PLATINUM.wireName());
        assertEquals(NumberCategory.GOLD, NumberCategory.fromWire("GOLD"));
        assertEquals(NumberCategory.REGULAR, NumberCategory.BRONZE.lowered(3));
        assertEquals(5, NumberCategory.DIAMOND.rank());
        assertThrows(IllegalArgumentException.class, () -> NumberCategory.fromWire("golden"));
    }
}
