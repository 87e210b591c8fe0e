package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DocumentCatalogueTest {

    private final DocumentCatalogue catalogue = DocumentCatalogue.bundled();

    @Test
    void bundlesTheRussianTypesInFileOrder() {
        assertEquals(List.of("ru_internal_passport", "ru_foreign_passport", "ru_residence_permit",
                "ru_temporary_residence_permit", "ru_foreign_citizen_passport"), codes(Jurisdiction.RU));
    }

    @Test
    void bundlesTheChineseTypesInFileOrder() {
        assertEquals(List.of("cn_resident_id_card", "cn_temporary_resident_id_card", "cn_household_register",
                "cn_pla_officer_id", "cn_armed_police_id", "cn_hk_macau_permit", "cn_taiwan_permit",
                "cn_foreign_passport", "cn_business_license", "cn_organization_code_certificate",
                "cn_institution_legal_person_certificate", "cn_social_organization_certificate", "cn_unit_introduction_letter",
                "cn_diplomatic_note"), codes(Jurisdiction.CN));
    }

    @Test
    void organizationsHoldOnlyChineseOrganizationDocuments() {
        assertEquals(List.of("cn_business_license", "cn_organization_code_certificate",
                "cn_institution_legal_person_certificate", "cn_social_organization_certificate", "cn_unit_introduction_letter",
                "cn_diplomatic_note"),
                catalogue.types(Jurisdiction.CN).stream()
                        .filter(type -> type.holderKind() == HolderKind.ORGANIZATION).map(DocumentType::code).toList());
        assertTrue(catalogue.types(Jurisdiction.RU).stream().allMatch(type -> type.holderKind() == HolderKind.PERSON));
    }

    @Test
    void findsByJurisdictionAndCode() {
        DocumentType passport = catalogue.find(Jurisdiction.RU, "ru_foreign_citizen_passport").orElseThrow();
        assertTrue(passport.expiryRequired());
        assertEquals(OptionalInt.of(10), passport.maxValidityYears());
        assertEquals(CheckAlgorithm.CN_USCC_GB32100,
                catalogue.find(Jurisdiction.CN, "cn_business_license").orElseThrow().check());
        assertTrue(catalogue.find(Jurisdiction.CN, "ru_internal_passport").isEmpty());
        assertTrue(catalogue.find(Jurisdiction.RU, "no_such_type").isEmpty());
    }

    private List<String> codes(Jurisdiction jurisdiction) {
        return catalogue.types(jurisdiction).stream().map(DocumentType::code).toList();
    }
}
