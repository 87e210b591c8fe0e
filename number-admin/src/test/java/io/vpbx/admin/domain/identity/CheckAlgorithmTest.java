package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CheckAlgorithmTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    static Stream<Arguments> cases() {
        return Stream.of(
                // GB 11643-1999's own example, check character X (sum mod 11 = 2).
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "11010519491231002X", null),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "110105194912310029", "check digit does not match"),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "11010519491231003X", "check digit does not match"),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "440301200002291237", null),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "440301190002291230", "embedded birth date is not a real date"),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "110105199013010018", "embedded birth date is not a real date"),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "110105199001320019", "embedded birth date is not a real date"),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "110105209001010017", "embedded birth date is in the future"),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "11010519491231002",
                        "must be 17 digits followed by a check character 0-9 or X"),
                // GB 32100-2015's own example.
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "91350100M000100Y43", null),
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "91350100M000100Y44", "check character does not match"),
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "91350100M000100Y4A", "check character does not match"),
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "9135010000000000F0", null),
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "9135010000000000RY", null),
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "91350100I000100Y43",
                        "may use only digits and the letters A-H, J-N, P-R, T, U, W-Y"),
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "91350100M000100Y4", "must be 18 characters"),
                // D=13: 13*3 + 2*7 + 1*9 + 4*10 + 3*5 + 5*8 + 6*4 + 9*2 = 199; 11 - 199 mod 11 = 10, written X.
                Arguments.of(CheckAlgorithm.CN_ORG_CODE_GB11714, "D2143569X", null),
                Arguments.of(CheckAlgorithm.CN_ORG_CODE_GB11714, "D21435690", "check character does not match"),
                Arguments.of(CheckAlgorithm.CN_ORG_CODE_GB11714, "000000000", null),
                Arguments.of(CheckAlgorithm.CN_ORG_CODE_GB11714, "123456788", null),
                Arguments.of(CheckAlgorithm.CN_ORG_CODE_GB11714, "123456789", "check character does not match"),
                Arguments.of(CheckAlgorithm.CN_ORG_CODE_GB11714, "D214356-X", "may use only digits and the letters A-Z before the check character"),
                Arguments.of(CheckAlgorithm.LUHN, "490154203237518", null),
                Arguments.of(CheckAlgorithm.LUHN, "490154203237519", "check digit does not match"),
                Arguments.of(CheckAlgorithm.LUHN, "79927398713", null),
                Arguments.of(CheckAlgorithm.LUHN, "7992739871X", "check digit does not match"),
                Arguments.of(CheckAlgorithm.NONE, "anything", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void checks(CheckAlgorithm algorithm, String number, String problem) {
        assertEquals(Optional.ofNullable(problem), algorithm.problem(number, TODAY));
    }

    static Stream<Arguments> validExamples() {
        String digits = "0123456789";
        return Stream.of(
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "11010519491231002X", digits),
                Arguments.of(CheckAlgorithm.CN_RESIDENT_ID_MOD11_2, "320583198706151230", digits),
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "91350100M000100Y43", CreditCodeCheck.ALPHABET),
                Arguments.of(CheckAlgorithm.CN_USCC_GB32100, "92440301776K2L3H50", CreditCodeCheck.ALPHABET),
                // Letters are worth 10-35 and the modulus is 11, so only digit-for-digit errors are all caught.
                Arguments.of(CheckAlgorithm.CN_ORG_CODE_GB11714, "123456788", digits),
                Arguments.of(CheckAlgorithm.LUHN, "490154203237518", digits));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validExamples")
    void catchesEverySingleSubstitution(CheckAlgorithm algorithm, String valid, String alphabet) {
        assertEquals(Optional.empty(), algorithm.problem(valid, TODAY));
        for (int i = 0; i < valid.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != valid.charAt(i)) {
                    String typo = valid.substring(0, i) + c + valid.substring(i + 1);
                    assertTrue(algorithm.problem(typo, TODAY).isPresent(), typo);
                }
            }
        }
    }

    @Test
    void computesCheckCharacters() {
        assertEquals('X', ResidentIdCheck.checkCharacter("11010519491231002"));
        assertEquals('3', CreditCodeCheck.checkCharacter("91350100M000100Y4"));
        assertEquals('X', OrganizationCodeCheck.checkCharacter("D2143569"));
        assertEquals('0', OrganizationCodeCheck.checkCharacter("00000000"));
    }

    @ParameterizedTest
    @EnumSource(CheckAlgorithm.class)
    void wireNamesRoundTrip(CheckAlgorithm algorithm) {
        assertEquals(algorithm, CheckAlgorithm.fromWire(algorithm.wireName()));
    }

    @Test
    void wireNamesAreTheCatalogueNames() {
        assertEquals("cn_resident_id_mod11_2", CheckAlgorithm.CN_RESIDENT_ID_MOD11_2.wireName());
        assertEquals("cn_uscc_gb32100", CheckAlgorithm.CN_USCC_GB32100.wireName());
        assertEquals("cn_org_code_gb11714", CheckAlgorithm.CN_ORG_CODE_GB11714.wireName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckAlgorithm.fromWire("mod97"));
        assertEquals("unknown check algorithm 'mod97', expected one of [none, cn_resident_id_mod11_2, cn_uscc_gb32100, "
                + "cn_org_code_gb11714, luhn]", e.getMessage());
    }
}
