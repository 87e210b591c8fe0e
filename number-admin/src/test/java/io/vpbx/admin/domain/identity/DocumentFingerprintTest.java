package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DocumentFingerprintTest {

    private static final String ID = "11010519491231002X";
    private final DocumentFingerprint fingerprint = new DocumentFingerprint(KeyRingTest.key(9));

    @Test
    void isHexHmacSha256OfJurisdictionTypeAndNumber() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KeyRingTest.key(9), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("CN|cn_resident_id_card|11010519491231002X".getBytes("UTF-8")));
        assertEquals(expected, fingerprint.of(Jurisdiction.CN, "cn_resident_id_card", ID));
        assertTrue(expected.matches("[0-9a-f]{64}"));
    }

    @Test
    void isStable() {
        assertEquals(fingerprint.of(Jurisdiction.CN, "cn_resident_id_card", ID),
                new DocumentFingerprint(KeyRingTest.key(9)).of(Jurisdiction.CN, "cn_resident_id_card", ID));
    }

    @Test
    void differsByTypeJurisdictionNumberAndKey() {
        String base = fingerprint.of(Jurisdiction.CN, "cn_resident_id_card", ID);
        assertNotEquals(base, fingerprint.of(Jurisdiction.CN, "cn_household_register", ID));
        assertNotEquals(base, fingerprint.of(Jurisdiction.RU, "cn_resident_id_card", ID));
        assertNotEquals(base, fingerprint.of(Jurisdiction.CN, "cn_resident_id_card", "110105194912310029"));
        assertNotEquals(base, new DocumentFingerprint(KeyRingTest.key(8)).of(Jurisdiction.CN, "cn_resident_id_card", ID));
    }

    @Test
    void fingerprintsAValidatedDocumentByItsNormalisedNumber() {
        DocumentValidator validator = new DocumentValidator(DocumentCatalogue.bundled());
        ValidatedDocument typedWithSpaces = validator.validate("document", Jurisdiction.RU, "ru_internal_passport",
                "45 08 123456", null, LocalDate.of(2026, 3, 1));
        assertEquals(fingerprint.of(Jurisdiction.RU, "ru_internal_passport", "4508123456"), fingerprint.of(typedWithSpaces));
    }

    @Test
    void refusesShortKeysAndHidesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DocumentFingerprint(new byte[16]));
        assertEquals("fingerprint key must be at least 32 bytes, got 16", e.getMessage());
        assertFalse(fingerprint.toString().contains("9"));
    }
}
