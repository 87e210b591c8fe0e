package io.vpbx.admin.domain.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpbx.admin.domain.number.Country;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CategoryRuleSetReaderTest {

    private static final String TAIL_7 = """
            {"id": "tail-7", "group": "tail", "kind": "trailing_identical", "params": {"length": 7},
             "grants": "diamond", "reason": "{length} identical digits at the end"}""";

    private final CategoryRuleSetReader reader = new CategoryRuleSetReader();

    @Test
    void readsRulesAsData() {
        CategoryRuleSet set = reader.read(json(ruleSet(TAIL_7 + """
                , {"id": "four", "kind": "digit_present", "params": {"digit": 4, "within": 4}, "lowers": 1,
                   "reason": "a {digit} near the end", "note": "why this rule exists"}""")));
        assertEquals(Country.RU, set.country());
        assertEquals("T-1", set.version());
        assertEquals(7, set.subscriberDigits());
        assertEquals(List.of(
                new CategoryRule("tail-7", "tail", PatternKind.TRAILING_IDENTICAL, Map.of("length", "7"),
                        new RuleEffect.Grant(NumberCategory.DIAMOND), "{length} identical digits at the end"),
                new CategoryRule("four", "four", PatternKind.DIGIT_PRESENT, Map.of("digit", "4", "within", "4"),
                        new RuleEffect.Penalty(1), "a {digit} near the end")), set.rules());
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("not json", "category rule set is not valid JSON"),
                Arguments.of("[]", "category rule set must be a JSON object"),
                Arguments.of("{\"country\": \"RU\", \"version\": \"T-1\", \"subscriberDigits\": 7, \"rules\": [], \"colour\": 1}",
                        "rule set: unknown field 'colour'"),
                Arguments.of("{\"country\": \"US\", \"version\": \"T-1\", \"subscriberDigits\": 7, \"rules\": []}",
                        "rule set: field 'country' must be one of [RU, CN], got 'US'"),
                Arguments.of("{\"country\": \"RU\", \"subscriberDigits\": 7, \"rules\": []}",
                        "rule set: field 'version' is missing"),
                Arguments.of("{\"country\": \"RU\", \"version\": \"T-1\", \"subscriberDigits\": 7}",
                        "rule set T-1: field 'rules' must be an array"),
                Arguments.of(ruleSet("{\"kind\": \"mirror\"}"), "rule #1: field 'id' is missing"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"lucky\", \"params\": {}, \"grants\": \"gold\", \"reason\": \"x\"}"),
                        "rule 'r1': field 'kind': unknown pattern kind 'lucky', expected one of [trailing_identical"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"grants\": \"gold\", \"reason\": \"x\"}"),
                        "rule 'r1': param 'length' is missing"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"params\": {\"length\": 7}, \"reason\": \"x\"}"),
                        "rule 'r1': give exactly one of the fields 'grants' and 'lowers'"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"params\": {\"length\": 7}, \"grants\": \"gold\", \"lowers\": 1, \"reason\": \"x\"}"),
                        "rule 'r1': give exactly one of the fields 'grants' and 'lowers'"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"params\": {\"length\": 7}, \"grants\": \"golden\", \"reason\": \"x\"}"),
                        "rule 'r1': field 'grants': unknown category 'golden'"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"params\": {\"length\": 7}, \"lowers\": 9, \"reason\": \"x\"}"),
                        "rule 'r1': field 'lowers': a penalty lowers 1..5 steps, got 9"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"params\": {\"length\": 7}, \"grants\": \"gold\"}"),
                        "rule 'r1': field 'reason' is missing"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"params\": {\"length\": 7}, \"grants\": \"gold\", \"reason\": \"{colour}\"}"),
                        "rule 'r1': field 'reason' uses unknown placeholder {colour}"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"params\": {\"length\": 7}, \"grants\": \"gold\", \"reason\": \"x\", \"weight\": 2}"),
                        "rule 'r1': unknown field 'weight'"),
                Arguments.of(ruleSet("{\"id\": \"r1\", \"kind\": \"mirror\", \"params\": {\"length\": 9}, \"grants\": \"gold\", \"reason\": \"x\"}"),
                        "rule 'r1': field 'params' needs 9 digits but rule set T-1 looks at the last 7"),
                Arguments.of(ruleSet(TAIL_7 + "," + TAIL_7), "rule set T-1: duplicate rule id 'tail-7'"),
                Arguments.of(ruleSet("""
                        {"id": "tail-3", "group": "tail", "kind": "trailing_identical", "params": {"length": 3}, "grants": "bronze", "reason": "x"},
                        """ + TAIL_7),
                        "rule 'tail-7': group 'tail' must list rules of one effect from strongest to weakest, but it follows 'tail-3'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("broken")
    void refusesBrokenRuleSetsNamingRuleAndField(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(json(text)));
        assertEquals(true, e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void bundledRuleSetsLoad() {
        CategoryClassifier classifier = CategoryClassifier.bundled();
        assertEquals("RU-2026.1", classifier.ruleSetVersion(Country.RU));
        assertEquals("CN-2026.1", classifier.ruleSetVersion(Country.CN));
    }

    private static String ruleSet(String rules) {
        return "{\"country\": \"RU\", \"version\": \"T-1\", \"subscriberDigits\": 7, \"rules\": [" + rules + "]}";
    }

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
