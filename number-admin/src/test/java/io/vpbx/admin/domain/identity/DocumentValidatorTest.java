package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.InvalidFieldException;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final LocalDate NEXT_YEAR = TODAY.plusYears(1);

    private final DocumentValidator validator = new DocumentValidator(DocumentCatalogue.bundled());

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(Jurisdiction.RU, "ru_internal_passport", "45 08 123456", null, "4508123456"),
                Arguments.of(Jurisdiction.RU, "ru_internal_passport", "4508-123456", null, "4508123456"),
                Arguments.of(Jurisdiction.RU, "ru_internal_passport", " 45 08 № 123456 ", null, "4508123456"),
                Arguments.of(Jurisdiction.RU, "ru_foreign_passport", "75 1234567", NEXT_YEAR, "751234567"),
                Arguments.of(Jurisdiction.RU, "ru_residence_permit", "82 1234567", null, "821234567"),
                Arguments.of(Jurisdiction.RU, "ru_temporary_residence_permit", "123/45", NEXT_YEAR, "12345"),
                Arguments.of(Jurisdiction.RU, "ru_foreign_citizen_passport", "ab 123 456", NEXT_YEAR, "AB123456"),
                Arguments.of(Jurisdiction.CN, "cn_resident_id_card", "11010519491231002X", null, "11010519491231002X"),
                Arguments.of(Jurisdiction.CN, "cn_resident_id_card", "110105 19491231 002x", null, "11010519491231002X"),
                Arguments.of(Jurisdiction.CN, "cn_temporary_resident_id_card", "11010519491231002X", TODAY.plusMonths(3),
                        "11010519491231002X"),
                Arguments.of(Jurisdiction.CN, "cn_household_register", "11010519491231002X", null, "11010519491231002X"),
                Arguments.of(Jurisdiction.CN, "cn_pla_officer_id", "nan 123456", null, "NAN123456"),
                Arguments.of(Jurisdiction.CN, "cn_armed_police_id", "WJ2019001", null, "WJ2019001"),
                Arguments.of(Jurisdiction.CN, "cn_hk_macau_permit", "H12345678", NEXT_YEAR, "H12345678"),
                Arguments.of(Jurisdiction.CN, "cn_hk_macau_permit", "m1234567801", NEXT_YEAR, "M1234567801"),
                Arguments.of(Jurisdiction.CN, "cn_taiwan_permit", "12345678", NEXT_YEAR, "12345678"),
                Arguments.of(Jurisdiction.CN, "cn_taiwan_permit", "1234567890(b)", NEXT_YEAR, "1234567890B"),
                Arguments.of(Jurisdiction.CN, "cn_foreign_passport", "E12345678", NEXT_YEAR, "E12345678"),
                Arguments.of(Jurisdiction.CN, "cn_business_license", "91350100M000100Y43", null, "91350100M000100Y43"),
                Arguments.of(Jurisdiction.CN, "cn_business_license", "91350100m000100y43", null, "91350100M000100Y43"),
                Arguments.of(Jurisdiction.CN, "cn_organization_code_certificate", "D2143569-X", null, "D2143569X"),
                Arguments.of(Jurisdiction.CN, "cn_institution_legal_person_certificate", "12100000MB0123456T", null,
                        "12100000MB0123456T"),
                Arguments.of(Jurisdiction.CN, "cn_social_organization_certificate", "51110000MJ00000006", null,
                        "51110000MJ00000006"),
                Arguments.of(Jurisdiction.CN, "cn_unit_introduction_letter", "(2026) 017", TODAY.plusMonths(1), "2026017"),
                Arguments.of(Jurisdiction.CN, "cn_diplomatic_note", "No. 123/2026", null, "NO1232026"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("valid")
    void acceptsAndNormalises(Jurisdiction jurisdiction, String type, String number, LocalDate expiresOn, String normalised) {
        ValidatedDocument document = validator.validate("document", jurisdiction, type, number, expiresOn, TODAY);
        assertEquals(normalised, document.number());
        assertEquals(type, document.type().code());
        assertEquals(jurisdiction, document.type().jurisdiction());
        assertEquals(expiresOn, document.expiresOn());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Jurisdiction.RU, "ru_internal_passport", "45 08 12345", null,
                        "document.number", "must be 10 digits (a 4-digit series and a 6-digit number)"),
                Arguments.of(Jurisdiction.RU, "ru_internal_passport", "45O8123456", null,
                        "document.number", "must be 10 digits (a 4-digit series and a 6-digit number)"),
                Arguments.of(Jurisdiction.RU, "ru_internal_passport", "   ", null, "document.number", "is required"),
                Arguments.of(Jurisdiction.RU, "ru_internal_passport", null, null, "document.number", "is required"),
                Arguments.of(Jurisdiction.RU, "ru_internal_passport", "1".repeat(65), null,
                        "document.number", "must be at most 64 characters"),
                Arguments.of(Jurisdiction.RU, "ru_foreign_passport", "751234567", null,
                        "document.expires_on", "is required for ru_foreign_passport"),
                Arguments.of(Jurisdiction.RU, "ru_foreign_citizen_passport", "AB123456", LocalDate.of(2026, 1, 1),
                        "document.expires_on", "document expired on 2026-01-01"),
                Arguments.of(Jurisdiction.RU, "ru_foreign_citizen_passport", "AB123456", TODAY.plusYears(10).plusDays(1),
                        "document.expires_on", "must be at most 10 years ahead, the longest a ru_foreign_citizen_passport is valid"),
                Arguments.of(Jurisdiction.RU, "ru_temporary_residence_permit", "12345", TODAY.plusYears(4),
                        "document.expires_on", "must be at most 3 years ahead, the longest a ru_temporary_residence_permit is valid"),
                Arguments.of(Jurisdiction.RU, "ru_foreign_citizen_passport", "AB12", NEXT_YEAR,
                        "document.number", "must be 5 to 20 letters or digits"),
                Arguments.of(Jurisdiction.RU, "cn_resident_id_card", "11010519491231002X", null,
                        "document.type", "is not a document type accepted in RU, expected one of [ru_internal_passport, "
                                + "ru_foreign_passport, ru_residence_permit, ru_temporary_residence_permit, "
                                + "ru_foreign_citizen_passport]"),
                Arguments.of(Jurisdiction.CN, "", "11010519491231002X", null, "document.type", "is required"),
                Arguments.of(Jurisdiction.CN, "cn_resident_id_card", "110105194912310029", null,
                        "document.number", "check digit does not match"),
                Arguments.of(Jurisdiction.CN, "cn_resident_id_card", "440301190002291230", null,
                        "document.number", "embedded birth date is not a real date"),
                Arguments.of(Jurisdiction.CN, "cn_resident_id_card", "01010519491231002X", null,
                        "document.number", "must be 18 characters: 17 digits and a check character 0-9 or X"),
                Arguments.of(Jurisdiction.CN, "cn_resident_id_card", "11010519491231002X", TODAY.minusDays(1),
                        "document.expires_on", "document expired on 2026-02-28"),
                Arguments.of(Jurisdiction.CN, "cn_household_register", "11010519491231003X", null,
                        "document.number", "check digit does not match"),
                Arguments.of(Jurisdiction.CN, "cn_temporary_resident_id_card", "11010519491231002X", null,
                        "document.expires_on", "is required for cn_temporary_resident_id_card"),
                Arguments.of(Jurisdiction.CN, "cn_hk_macau_permit", "K12345678", NEXT_YEAR, "document.number",
                        "must be H (Hong Kong) or M (Macao) followed by 8 digits (card since 2013) or 10 digits (older booklet)"),
                Arguments.of(Jurisdiction.CN, "cn_taiwan_permit", "123456789", NEXT_YEAR, "document.number",
                        "must be 8 digits (card since 2015), or 10 digits with an optional letter (older booklet)"),
                Arguments.of(Jurisdiction.CN, "cn_unit_introduction_letter", "2026017", null,
                        "document.expires_on", "is required for cn_unit_introduction_letter"),
                Arguments.of(Jurisdiction.CN, "cn_unit_introduction_letter", "2026017", TODAY.plusYears(1).plusDays(1),
                        "document.expires_on", "must be at most 1 year ahead, the longest a cn_unit_introduction_letter is valid"),
                Arguments.of(Jurisdiction.CN, "cn_diplomatic_note", "#42#", null, "document.number",
                        "must be 2 to 30 letters or digits: the note's reference number, e.g. 'No. 123/2026' entered as 1232026 or NO1232026"),
                Arguments.of(Jurisdiction.CN, "cn_business_license", "91350100M000100Y44", null,
                        "document.number", "check character does not match"),
                Arguments.of(Jurisdiction.CN, "cn_business_license", "91350100M000100I43", null, "document.number",
                        "must be 18 characters of the Unified Social Credit Code: digits and the letters A-H, J-N, P-R, T, U, W-Y"),
                Arguments.of(Jurisdiction.CN, "cn_organization_code_certificate", "D2143569-0", null,
                        "document.number", "check character does not match"),
                Arguments.of(Jurisdiction.CN, "cn_pla_officer_id", "A1234", null,
                        "document.number", "must be 6 to 12 letters or digits"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @MethodSource("invalid")
    void refusesNamingTheFieldButNotTheNumber(Jurisdiction jurisdiction, String type, String number, LocalDate expiresOn,
            String field, String reason) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> validator.validate("document", jurisdiction, type, number, expiresOn, TODAY));
        assertEquals(field, e.field());
        assertEquals(reason, e.reason());
        if (number != null && !number.isBlank()) {
            String digits = number.replaceAll("[^0-9A-Za-z]", "");
            assertFalse(e.getMessage().contains(number), e.getMessage());
            assertFalse(e.getMessage().contains(digits), e.getMessage());
            assertFalse(e.getMessage().contains(digits.substring(0, Math.min(6, digits.length()))), e.getMessage());
        }
    }

    @Test
    void theCallerChoosesTheFieldPrefix() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> validator.validate(
                "holder.documents[1]", Jurisdiction.RU, "ru_internal_passport", "45 08 12345", null, TODAY));
        assertEquals("holder.documents[1].number", e.field());
    }

    @Test
    void anExpiryDateIsValidThroughItsLastDay() {
        ValidatedDocument document = validator.validate("document", Jurisdiction.RU, "ru_foreign_passport",
                "751234567", TODAY, TODAY);
        assertFalse(validator.expired(document, TODAY));
        assertTrue(validator.expired(document, TODAY.plusDays(1)));
    }

    @Test
    void aDocumentWithoutExpiryNeverExpires() {
        ValidatedDocument document = validator.validate("document", Jurisdiction.RU, "ru_internal_passport",
                "45 08 123456", null, TODAY);
        assertNull(document.expiresOn());
        assertFalse(validator.expired(document, TODAY.plusYears(100)));
    }

    @Test
    void theLongestValidityIsAccepted() {
        ValidatedDocument document = validator.validate("document", Jurisdiction.RU, "ru_foreign_citizen_passport",
                "AB123456", TODAY.plusYears(10), TODAY);
        assertEquals(TODAY.plusYears(10), document.expiresOn());
    }

    @Test
    void birthDatesAreJudgedAgainstTheGivenDay() {
        String bornIn2090 = "110105209001010017";
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> validator.validate(
                "document", Jurisdiction.CN, "cn_resident_id_card", bornIn2090, null, TODAY));
        assertEquals("embedded birth date is in the future", e.reason());
        assertEquals(bornIn2090, validator.validate("document", Jurisdiction.CN, "cn_resident_id_card", bornIn2090,
                null, LocalDate.of(2091, 1, 1)).number());
    }

    @Test
    void aValidatedDocumentPrintsMasked() {
        ValidatedDocument document = validator.validate("document", Jurisdiction.RU, "ru_internal_passport",
                "45 08 123456", null, TODAY);
        assertEquals("ValidatedDocument[type=RU/ru_internal_passport, number=******3456, expiresOn=null]",
                document.toString());
    }
}
