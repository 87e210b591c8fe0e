package io.vpbx.admin.domain.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each pattern kind on hand-picked windows: what matches, what does not, and what it reports. */
class PatternKindTest {

    static Stream<Arguments> windows() {
        return Stream.of(
                // kind, params, window, matches, matched digits, found
                row(PatternKind.TRAILING_IDENTICAL, Map.of("length", "4"), "1237777", true, "7777", 4),
                row(PatternKind.TRAILING_IDENTICAL, Map.of("length", "4"), "1777723", false, null, 0),
                row(PatternKind.IDENTICAL_RUN, Map.of("length", "4"), "1777723", true, "7777", 4),
                row(PatternKind.IDENTICAL_RUN, Map.of("length", "4"), "1772777", false, null, 0),
                row(PatternKind.TRAILING_PAIRS, Map.of("pairs", "2"), "1231122", true, "1122", 2),
                row(PatternKind.TRAILING_PAIRS, Map.of("pairs", "2"), "1231111", false, null, 0),
                row(PatternKind.TRAILING_PAIRS, Map.of("pairs", "3"), "1112233", true, "112233", 3),
                row(PatternKind.TRAILING_PAIRS, Map.of("pairs", "3"), "1112223", false, null, 0),
                row(PatternKind.ASCENDING_RUN, Map.of("length", "4", "at", "end"), "9991234", true, "1234", 4),
                row(PatternKind.ASCENDING_RUN, Map.of("length", "4", "at", "end"), "1234999", false, null, 0),
                row(PatternKind.ASCENDING_RUN, Map.of("length", "4", "at", "anywhere"), "1234999", true, "1234", 4),
                row(PatternKind.ASCENDING_RUN, Map.of("length", "4", "at", "anywhere"), "7890246", false, null, 0),
                row(PatternKind.DESCENDING_RUN, Map.of("length", "4", "at", "end"), "9994321", true, "4321", 4),
                row(PatternKind.DESCENDING_RUN, Map.of("length", "5", "at", "anywhere"), "1987652", true, "98765", 5),
                row(PatternKind.MIRROR, Map.of("length", "7"), "1234321", true, "1234321", 7),
                row(PatternKind.MIRROR, Map.of("length", "7"), "7770777", true, "7770777", 7),
                row(PatternKind.MIRROR, Map.of("length", "7"), "7777777", false, null, 0),
                row(PatternKind.MIRROR, Map.of("length", "8"), "12344321", true, "12344321", 8),
                row(PatternKind.TRAILING_ZEROS, Map.of("count", "3"), "1235000", true, "000", 3),
                row(PatternKind.TRAILING_ZEROS, Map.of("count", "3"), "1235555", false, null, 0),
                row(PatternKind.TRAILING_REPEAT, Map.of("block", "2", "repeats", "2"), "1231212", true, "1212", 2),
                row(PatternKind.TRAILING_REPEAT, Map.of("block", "2", "repeats", "2"), "1231111", false, null, 0),
                row(PatternKind.TRAILING_REPEAT, Map.of("block", "3", "repeats", "2"), "1123123", true, "123123", 2),
                row(PatternKind.TRAILING_REPEAT, Map.of("block", "2", "repeats", "3"), "1121212", true, "121212", 3),
                row(PatternKind.RUN_THEN_RUN, Map.of("first", "4", "second", "3"), "5555777", true, "5555777", 7),
                row(PatternKind.RUN_THEN_RUN, Map.of("first", "4", "second", "3"), "5555555", false, null, 0),
                row(PatternKind.RUN_THEN_RUN, Map.of("first", "4", "second", "3"), "5455777", false, null, 0),
                row(PatternKind.DIGIT_RUN, Map.of("digit", "8", "length", "4"), "18888123", true, "8888", 4),
                row(PatternKind.DIGIT_RUN, Map.of("digit", "8", "length", "4"), "17777123", false, null, 0),
                row(PatternKind.DIGIT_COUNT, Map.of("digit", "8", "count", "3"), "18281358", true, "18281358", 3),
                row(PatternKind.DIGIT_COUNT, Map.of("digit", "8", "count", "3"), "18281350", false, null, 0),
                row(PatternKind.DIGIT_PRESENT, Map.of("digit", "4", "within", "4"), "56781234", true, "1234", 1),
                row(PatternKind.DIGIT_PRESENT, Map.of("digit", "4", "within", "4"), "12344670", true, "4670", 1),
                row(PatternKind.DIGIT_PRESENT, Map.of("digit", "4", "within", "4"), "44445670", false, null, 0));
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("windows")
    void detects(PatternKind kind, Map<String, String> params, String window, boolean matches, String digits, int found) {
        PatternDetector detector = kind.detector("test", params);
        byte[] w = window(window);
        assertEquals(matches, detector.matches(w));
        if (matches) {
            Match match = detector.explain(w);
            assertEquals(digits, match.digits(w));
            assertEquals(found, match.found());
        }
    }

    @Test
    void kindsHaveWireNames() {
        assertEquals("trailing_identical", PatternKind.TRAILING_IDENTICAL.wireName());
        assertEquals(PatternKind.DIGIT_PRESENT, PatternKind.fromWire("digit_present"));
        assertThrows(IllegalArgumentException.class, () -> PatternKind.fromWire("lucky"));
    }

    @Test
    void shortWindowsNeverMatchLongPatterns() {
        byte[] w = window("777");
        assertEquals(false, PatternKind.MIRROR.detector("t", Map.of("length", "7")).matches(w));
        assertEquals(false, PatternKind.TRAILING_PAIRS.detector("t", Map.of("pairs", "3")).matches(w));
        assertEquals(false, PatternKind.RUN_THEN_RUN.detector("t", Map.of("first", "4", "second", "3")).matches(w));
    }

    @Test
    void paramErrorsNameTheRuleAndTheParam() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PatternKind.ASCENDING_RUN.detector("asc", Map.of("length", "4")));
        assertEquals("rule 'asc': param 'at' is missing", missing.getMessage());
        IllegalArgumentException choice = assertThrows(IllegalArgumentException.class,
                () -> PatternKind.ASCENDING_RUN.detector("asc", Map.of("length", "4", "at", "start")));
        assertEquals("rule 'asc': param 'at' must be one of [end, anywhere], got 'start'", choice.getMessage());
        IllegalArgumentException digit = assertThrows(IllegalArgumentException.class,
                () -> PatternKind.DIGIT_RUN.detector("eight", Map.of("digit", "10", "length", "4")));
        assertEquals("rule 'eight': param 'digit' must be 0..9, got 10", digit.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> PatternKind.MIRROR.detector("m", Map.of("length", "seven")));
        assertEquals("rule 'm': param 'length' must be a whole number, got 'seven'", text.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PatternKind.MIRROR.detector("m", Map.of("length", "7", "digit", "8")));
        assertEquals("rule 'm': param 'digit' is not a param of mirror (expected [length])", unknown.getMessage());
    }

    private static byte[] window(String digits) {
        byte[] w = new byte[digits.length()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (digits.charAt(i) - '0');
        }
        return w;
    }

    private static Arguments row(PatternKind kind, Map<String, String> params, String window, boolean matches,
                                 String digits, int found) {
        return Arguments.of(kind, params, window, matches, digits, found);
    }
}
