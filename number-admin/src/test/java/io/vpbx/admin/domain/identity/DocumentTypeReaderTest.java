package io.vpbx.admin.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentTypeReaderTest {

    private static final String PASSPORT = """
            {"code": "ru_internal_passport", "name": "Passport", "holderKind": "person", "format": "\\\\d{10}",
             "formatText": "10 digits", "normalisation": {"strip": " -", "upperCase": false}, "check": "none",
             "expiryRequired": false, "note": "why"}""";

    private final DocumentTypeReader reader = new DocumentTypeReader();

    @Test
    void readsTypesAsData() {
        List<DocumentType> types = reader.read(json(file("RU", PASSPORT + """
                , {"code": "ru_foreign_citizen_passport", "name": "Foreign passport", "holderKind": "person",
                   "format": "[0-9A-Z]{5,20}", "formatText": "5 to 20 letters or digits",
                   "normalisation": {"strip": " ", "upperCase": true}, "check": "luhn",
                   "expiryRequired": true, "maxValidityYears": 10}""")));
        assertEquals(List.of(
                new DocumentType(Jurisdiction.RU, "ru_internal_passport", "Passport", HolderKind.PERSON,
                        Pattern.compile("\\d{10}"), "10 digits", new Normalisation(" -", false), CheckAlgorithm.NONE,
                        false, OptionalInt.empty()),
                new DocumentType(Jurisdiction.RU, "ru_foreign_citizen_passport", "Foreign passport", HolderKind.PERSON,
                        Pattern.compile("[0-9A-Z]{5,20}"), "5 to 20 letters or digits", new Normalisation(" ", true),
                        CheckAlgorithm.LUHN, true, OptionalInt.of(10))), types);
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("not json", "document types are not valid JSON"),
                Arguments.of("[]", "document types must be a JSON object"),
                Arguments.of("{\"jurisdiction\": \"US\", \"types\": []}",
                        "document types: field 'jurisdiction' must be one of [RU, CN], got 'US'"),
                Arguments.of("{\"jurisdiction\": \"RU\", \"types\": [], \"colour\": 1}",
                        "document types: unknown field 'colour'"),
                Arguments.of("{\"jurisdiction\": \"RU\", \"types\": []}",
                        "RU document types: field 'types' must be a non-empty array"),
                Arguments.of(file("CN", "{\"name\": \"x\"}"), "CN document type #1: field 'code' is missing"),
                Arguments.of(file("RU", PASSPORT + ", 7"), "RU document type #2 must be a JSON object"),
                Arguments.of(file("RU", PASSPORT.replace("\"note\"", "\"colour\"")),
                        "RU document type 'ru_internal_passport': unknown field 'colour'"),
                Arguments.of(file("RU", PASSPORT.replace("\"person\"", "\"robot\"")),
                        "RU document type 'ru_internal_passport': field 'holderKind': unknown holder kind 'robot', "
                                + "expected one of [person, organization]"),
                Arguments.of(file("RU", PASSPORT.replace("\"check\": \"none\"", "\"check\": \"mod97\"")),
                        "RU document type 'ru_internal_passport': field 'check': unknown check algorithm 'mod97'"),
                Arguments.of(file("RU", PASSPORT.replace("\\\\d{10}", "\\\\d{10")),
                        "RU document type 'ru_internal_passport': field 'format' is not a valid regex"),
                Arguments.of(file("RU", PASSPORT.replace("\"formatText\": \"10 digits\", ", "")),
                        "RU document type 'ru_internal_passport': field 'formatText' is missing"),
                Arguments.of(file("RU", PASSPORT.replace("\"upperCase\": false", "\"upperCase\": \"no\"")),
                        "RU document type 'ru_internal_passport' normalisation: field 'upperCase' must be true or false"),
                Arguments.of(file("RU", PASSPORT.replace("\"strip\": \" -\", ", "")),
                        "RU document type 'ru_internal_passport' normalisation: field 'strip' must be a string"),
                Arguments.of(file("RU", PASSPORT.replace("\"expiryRequired\": false", "\"expiryRequired\": 1")),
                        "RU document type 'ru_internal_passport': field 'expiryRequired' must be true or false"),
                Arguments.of(file("RU", PASSPORT.replace("\"expiryRequired\": false", "\"expiryRequired\": false, \"maxValidityYears\": 0")),
                        "RU document type 'ru_internal_passport': field 'maxValidityYears' must be a whole number of at least 1"),
                Arguments.of(file("RU", PASSPORT.replace("ru_internal_passport", "RU-Passport")),
                        "RU document type 'RU-Passport': document type code 'RU-Passport' must be snake_case"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("broken")
    void refusesBrokenDataNamingTheEntry(String input, String expectedStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(json(input)));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void refusesTheSameCodeTwiceInOneJurisdiction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DocumentCatalogue.read(json(file("RU", PASSPORT + ", " + PASSPORT))));
        assertEquals("RU document type 'ru_internal_passport' is defined twice", e.getMessage());
    }

    @Test
    void theSameCodeMayExistInTwoJurisdictions() {
        DocumentCatalogue catalogue = DocumentCatalogue.read(json(file("RU", PASSPORT)), json(file("CN", PASSPORT)));
        assertEquals(Jurisdiction.CN, catalogue.find(Jurisdiction.CN, "ru_internal_passport").orElseThrow().jurisdiction());
        assertEquals(1, catalogue.types(Jurisdiction.RU).size());
    }

    private static String file(String jurisdiction, String types) {
        return "{\"jurisdiction\": \"" + jurisdiction + "\", \"description\": \"test\", \"types\": [" + types + "]}";
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
