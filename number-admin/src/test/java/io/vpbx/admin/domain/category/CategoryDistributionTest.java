package io.vpbx.admin.domain.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.number.PhoneNumber;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A million consecutive Moscow numbers, +7 495 000-00-00 .. +7 495 099-99-99, as an import would
 * see them: counts per category must be plausible, and the top tiers exactly what simple string
 * checks predict. Counts only, no timings.
 */
class CategoryDistributionTest {

    private static final int NUMBERS = 1_000_000;

    @Test
    void millionConsecutiveNumbersHavePlausibleCategories() {
        CategoryClassifier classifier = CategoryClassifier.bundled();
        PhoneNumberParser parser = new PhoneNumberParser();
        Map<NumberCategory, Integer> counts = new EnumMap<>(NumberCategory.class);
        int expectedDiamond = 0;
        int expectedPlatinum = 0;
        for (int i = 0; i < NUMBERS; i++) {
            String subscriber = String.valueOf(10_000_000 + i).substring(1);
            PhoneNumber number = parser.parse("+7495" + subscriber);
            Classification verdict = classifier.classify(number);
            counts.merge(verdict.category(), 1, Integer::sum);
            assertEquals("RU-2026.1", verdict.ruleSetVersion());
            if (allAlike(subscriber)) {
                expectedDiamond++;
            } else if (allAlike(subscriber.substring(1)) || fourThenThree(subscriber)) {
                expectedPlatinum++;
            }
        }
        int regular = counts.getOrDefault(NumberCategory.REGULAR, 0);
        int bronze = counts.getOrDefault(NumberCategory.BRONZE, 0);
        int silver = counts.getOrDefault(NumberCategory.SILVER, 0);
        int gold = counts.getOrDefault(NumberCategory.GOLD, 0);
        int platinum = counts.getOrDefault(NumberCategory.PLATINUM, 0);
        int diamond = counts.getOrDefault(NumberCategory.DIAMOND, 0);

        assertEquals(NUMBERS, regular + bronze + silver + gold + platinum + diamond);
        assertEquals(1, expectedDiamond, "only 000-00-00 has 7 identical digits in this range");
        assertEquals(expectedDiamond, diamond, "DIAMOND is exactly the 7-identical tails");
        assertEquals(18, expectedPlatinum, "0dd-dd-dd and 000-0ddd for d = 1..9");
        assertEquals(expectedPlatinum, platinum, "PLATINUM is exactly 6 identical at the end or AAAA-BBB");
        assertTrue(regular > NUMBERS * 95 / 100, "most numbers are plain: " + counts);
        assertTrue(bronze > silver && silver > gold && gold > platinum && platinum > diamond,
                "rarer categories are rarer: " + counts);
        assertTrue(bronze < NUMBERS * 5 / 100, "beauty stays scarce: " + counts);
    }

    private static boolean allAlike(String digits) {
        return digits.chars().distinct().count() == 1;
    }

    private static boolean fourThenThree(String subscriber) {
        String first = subscriber.substring(0, 4);
        String second = subscriber.substring(4);
        return allAlike(first) && allAlike(second) && first.charAt(0) != second.charAt(0);
    }
}
