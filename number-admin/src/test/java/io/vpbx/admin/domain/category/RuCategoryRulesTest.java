package io.vpbx.admin.domain.category;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.PhoneNumber;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled RU-2026.1 rules on the last 7 digits, one example per rule. */
class RuCategoryRulesTest {

    private static final CategoryClassifier CLASSIFIER = CategoryClassifier.bundled();

    static Stream<Arguments> examples() {
        return Stream.of(
                example("+74957777777", NumberCategory.DIAMOND, "7 identical digits at the end"),
                // 495 177-77-77 ends in six sevens, not seven: the 1 is part of the subscriber number
                example("+74951777777", NumberCategory.PLATINUM, "6 identical digits at the end"),
                example("+74955555777", NumberCategory.PLATINUM, "AAAA-BBB 5555777"),
                example("+74951277777", NumberCategory.GOLD, "5 identical digits at the end"),
                example("+74952223333", NumberCategory.GOLD, "AAA-BBBB 2223333"),
                example("+74951111112", NumberCategory.GOLD, "6 identical digits in a row (111111)"),
                example("+74951112233", NumberCategory.GOLD, "AABBCC at the end"),
                example("+74951234567", NumberCategory.GOLD, "ascending run 1234567"),
                example("+74959876543", NumberCategory.GOLD, "descending run 9876543"),
                example("+74951230000", NumberCategory.SILVER, "trailing 0000"),
                example("+74951237777", NumberCategory.SILVER, "4 identical digits at the end"),
                example("+74951555552", NumberCategory.SILVER, "5 identical digits in a row (55555)"),
                example("+74951123123", NumberCategory.SILVER, "ABCABC at the end"),
                example("+74951121212", NumberCategory.SILVER, "ABABAB at the end"),
                example("+74950123459", NumberCategory.SILVER, "ascending run 012345"),
                example("+74951987659", NumberCategory.SILVER, "descending run 98765"),
                example("+74951234321", NumberCategory.SILVER, "mirror 1234321", "descending run 4321 at the end"),
                example("+79162581852", NumberCategory.SILVER, "mirror 2581852"),
                example("+74951234000", NumberCategory.BRONZE, "trailing 000"),
                example("+74951239555", NumberCategory.BRONZE, "3 identical digits at the end"),
                example("+74955555129", NumberCategory.BRONZE, "4 identical digits in a row (5555)"),
                example("+74951231122", NumberCategory.BRONZE, "AABB at the end"),
                example("+74959871212", NumberCategory.BRONZE, "ABAB at the end"),
                example("+78005553535", NumberCategory.BRONZE, "ABAB at the end"),
                example("+74959991234", NumberCategory.BRONZE, "ascending run 1234 at the end"),
                example("+74951594321", NumberCategory.BRONZE, "descending run 4321 at the end"),
                example("+74952468135", NumberCategory.REGULAR));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("examples")
    void classifiesTheSubscriberDigits(String e164, NumberCategory category, List<String> reasons) {
        Classification verdict = CLASSIFIER.classify(PhoneNumber.of(e164));
        assertAll(
                () -> assertEquals(category, verdict.category()),
                () -> assertEquals(reasons, verdict.reasons()),
                () -> assertEquals("RU-2026.1", verdict.ruleSetVersion()));
    }

    @Test
    void recordsTheRuleSetVersion() {
        assertEquals("RU-2026.1", CLASSIFIER.ruleSetVersion(Country.RU));
    }

    private static Arguments example(String e164, NumberCategory category, String... reasons) {
        return Arguments.of(e164, category, List.of(reasons));
    }
}
