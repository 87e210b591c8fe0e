package io.vpbx.admin.domain.number;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNumberParserTest {

    private final PhoneNumberParser parser = new PhoneNumberParser();

    static Stream<Arguments> withoutHint() {
        return Stream.of(
                // Russia: international, trunk 8, country code without +, bare 10 digits
                row("+7 495 123-45-67", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row("+74951234567", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row("+7 (495) 123.45.67", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row("0074951234567", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row("8 (495) 123-45-67", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row("84951234567", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row("74951234567", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row("4951234567", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row(" \t+7\u00A0495 1234567 ", "+74951234567", NumberType.CITY, "495", "+7 495 123-45-67", "8 (495) 123-45-67"),
                row("8 (812) 123-45-67", "+78121234567", NumberType.CITY, "812", "+7 812 123-45-67", "8 (812) 123-45-67"),
                row("3432123456", "+73432123456", NumberType.CITY, "343", "+7 343 212-34-56", "8 (343) 212-34-56"),
                row("8-800-555-35-35", "+78005553535", NumberType.TOLL_FREE, "800", "+7 800 555-35-35", "8 (800) 555-35-35"),
                row("+7 800 555 35 35", "+78005553535", NumberType.TOLL_FREE, "800", "+7 800 555-35-35", "8 (800) 555-35-35"),
                row("9161234567", "+79161234567", NumberType.MOBILE, "916", "+7 916 123-45-67", "8 (916) 123-45-67"),
                row("8 916 123 45 67", "+79161234567", NumberType.MOBILE, "916", "+7 916 123-45-67", "8 (916) 123-45-67"),
                row("+7-916-123-45-67", "+79161234567", NumberType.MOBILE, "916", "+7 916 123-45-67", "8 (916) 123-45-67"),
                // China: 400, trunk-0 city numbers, mobiles, international
                row("400-123-4567", "+864001234567", NumberType.TOLL_FREE, "400", "+86 400 123 4567", "400-123-4567"),
                row("4001234567", "+864001234567", NumberType.TOLL_FREE, "400", "+86 400 123 4567", "400-123-4567"),
                row("+86 400 123 4567", "+864001234567", NumberType.TOLL_FREE, "400", "+86 400 123 4567", "400-123-4567"),
                row("010 12345678", "+861012345678", NumberType.CITY, "10", "+86 10 1234 5678", "010 1234 5678"),
                row("(010) 1234-5678", "+861012345678", NumberType.CITY, "10", "+86 10 1234 5678", "010 1234 5678"),
                row("+86 10 1234 5678", "+861012345678", NumberType.CITY, "10", "+86 10 1234 5678", "010 1234 5678"),
                row("00861012345678", "+861012345678", NumberType.CITY, "10", "+86 10 1234 5678", "010 1234 5678"),
                row("021-87654321", "+862187654321", NumberType.CITY, "21", "+86 21 8765 4321", "021 8765 4321"),
                row("0755 8888 1234", "+8675588881234", NumberType.CITY, "755", "+86 755 8888 1234", "0755 8888 1234"),
                row("0571 123 4567", "+865711234567", NumberType.CITY, "571", "+86 571 123 4567", "0571 123 4567"),
                row("13812345678", "+8613812345678", NumberType.MOBILE, "138", "+86 138 1234 5678", "138 1234 5678"),
                row("138-1234-5678", "+8613812345678", NumberType.MOBILE, "138", "+86 138 1234 5678", "138 1234 5678"),
                row("+86 199 1234 5678", "+8619912345678", NumberType.MOBILE, "199", "+86 199 1234 5678", "199 1234 5678"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutHint")
    void normalisesEveryAcceptedForm(String input, String e164, NumberType type, String region,
                                     String international, String national) {
        assertParsed(parser.parse(input), input, e164, type, region, international, national);
    }

    static Stream<Arguments> withHint() {
        return Stream.of(
                hinted("1012345678", Country.CN, "+861012345678", NumberType.CITY, "10"),
                hinted("75588881234", Country.CN, "+8675588881234", NumberType.CITY, "755"),
                hinted("010 12345678", Country.CN, "+861012345678", NumberType.CITY, "10"),
                hinted("13812345678", Country.CN, "+8613812345678", NumberType.MOBILE, "138"),
                hinted("4001234567", Country.CN, "+864001234567", NumberType.TOLL_FREE, "400"),
                hinted("9161234567", Country.RU, "+79161234567", NumberType.MOBILE, "916"),
                hinted("8 (495) 123-45-67", Country.RU, "+74951234567", NumberType.CITY, "495"),
                // an explicit country code wins over the hint
                hinted("+86 138 1234 5678", Country.RU, "+8613812345678", NumberType.MOBILE, "138"),
                hinted("+7 495 123 45 67", Country.CN, "+74951234567", NumberType.CITY, "495"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("withHint")
    void readsBareDigitsAsTheHintedCountry(String input, Country hint, String e164, NumberType type, String region) {
        PhoneNumber number = parser.parse(input, hint);
        assertAll(
                () -> assertEquals(e164, number.e164()),
                () -> assertEquals(type, number.type()),
                () -> assertEquals(region, number.region()),
                () -> assertEquals(input, number.asTyped()));
    }

    private static void assertParsed(PhoneNumber number, String input, String e164, NumberType type, String region,
                                     String international, String national) {
        Country country = e164.startsWith("+86") ? Country.CN : Country.RU;
        assertAll(
                () -> assertEquals(e164, number.e164(), "e164"),
                () -> assertEquals(input, number.asTyped(), "asTyped is kept exactly"),
                () -> assertEquals(country, number.country(), "country"),
                () -> assertEquals(type, number.type(), "type"),
                () -> assertEquals(region, number.region(), "region"),
                () -> assertEquals(international, number.international(), "international"),
                () -> assertEquals(national, number.national(), "national"),
                () -> assertEquals(e164.substring(1), number.digits(), "digits"),
                () -> assertEquals(e164.substring(1 + country.callingCode().length()), number.nationalNumber(), "national number"));
    }

    private static Arguments row(String input, String e164, NumberType type, String region, String international,
                                 String national) {
        return Arguments.of(input, e164, type, region, international, national);
    }

    private static Arguments hinted(String input, Country hint, String e164, NumberType type, String region) {
        return Arguments.of(input, hint, e164, type, region);
    }
}
