package io.vpbx.admin.domain.category;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.admin.domain.number.PhoneNumber;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled CN-2026.1 rules on the last 8 digits: lucky 8 and 6, unlucky 4. */
class CnCategoryRulesTest {

    private static final CategoryClassifier CLASSIFIER = CategoryClassifier.bundled();
    private static final String FOUR_NEAR_END = "contains unlucky 4 in the last 4 digits (lowered one step)";

    static Stream<Arguments> examples() {
        return Stream.of(
                example("+8613988881235", NumberCategory.GOLD, "lucky 8888"),
                // the same number with a 4 at the end is lowered one step
                example("+8613988881204", NumberCategory.SILVER, "lucky 8888", FOUR_NEAR_END),
                // 444 lowers two steps, and the single-4 penalty of the same group does not add up
                example("+8613988884448", NumberCategory.BRONZE, "lucky 8888", "unlucky run 444 (lowered two steps)"),
                example("+8613912344448", NumberCategory.REGULAR, "unlucky run 4444 (lowered two steps)"),
                example("+8613988888123", NumberCategory.PLATINUM, "5 identical digits in a row (88888)", "lucky 88888"),
                example("+8613966661235", NumberCategory.GOLD, "lucky 6666"),
                example("+8675588886666", NumberCategory.PLATINUM, "AAAA-BBBB 88886666", "lucky 8888", "lucky 6666"),
                example("+8675518888666", NumberCategory.PLATINUM, "AAAA-BBB 8888666", "lucky 8888"),
                example("+864008888888", NumberCategory.DIAMOND, "7 identical digits at the end", "lucky 8888888"),
                example("+8613812345678", NumberCategory.GOLD, "ascending run 12345678"),
                example("+8613900812345", NumberCategory.BRONZE, "ascending run 12345", FOUR_NEAR_END),
                example("+8613900012345", NumberCategory.SILVER, "ascending run 012345", FOUR_NEAR_END),
                example("+8613911223355", NumberCategory.GOLD, "AABBCC at the end"),
                example("+8613901231122", NumberCategory.SILVER, "AABB at the end"),
                example("+8613912341234", NumberCategory.SILVER,
                        "ascending run 1234 at the end", "ABCDABCD at the end", FOUR_NEAR_END),
                example("+8613912377321", NumberCategory.SILVER, "mirror 12377321"),
                example("+861098765319", NumberCategory.BRONZE, "descending run 98765"),
                example("+8613918280858", NumberCategory.BRONZE, "4 lucky eights"),
                example("+8613925903939", NumberCategory.BRONZE, "ABAB at the end"),
                example("+8613912570391", NumberCategory.REGULAR),
                example("+8613912570394", NumberCategory.REGULAR, FOUR_NEAR_END));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("examples")
    void classifiesTheLastEightDigits(String e164, NumberCategory category, List<String> reasons) {
        Classification verdict = CLASSIFIER.classify(PhoneNumber.of(e164));
        assertAll(
                () -> assertEquals(category, verdict.category()),
                () -> assertEquals(reasons, verdict.reasons()),
                () -> assertEquals("CN-2026.1", verdict.ruleSetVersion()));
    }

    private static Arguments example(String e164, NumberCategory category, String... reasons) {
        return Arguments.of(e164, category, List.of(reasons));
    }
}
