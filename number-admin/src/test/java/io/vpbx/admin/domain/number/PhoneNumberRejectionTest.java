package io.vpbx.admin.domain.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNumberRejectionTest {

    private final PhoneNumberParser parser = new PhoneNumberParser();

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("", "phone number is empty"),
                Arguments.of("   ", "phone number is empty"),
                Arguments.of("+", "phone number has no digits"),
                Arguments.of("+7 495 123 45 6", "a Russian number has 10 digits after +7, got 9"),
                Arguments.of("7495123456", "a Russian number has 10 digits after +7, got 9"),
                Arguments.of("+7 495 123 45 678", "a Russian number has 10 digits after +7, got 11"),
                Arguments.of("8 (495) 123-45-678", "a Russian number has 10 digits (11 with a leading 8 or 7), got 12"),
                Arguments.of("495 123 45 6", "a Russian number has 10 digits (11 with a leading 8 or 7), got 9"),
                Arguments.of("84951234567891", "a Russian number has 10 digits (11 with a leading 8 or 7), got 14"),
                Arguments.of("+7 495 ABC-45-67", "a phone number cannot contain letters, found 'A' at position 8"),
                Arguments.of("8 495 123 45 67 ext 12", "a phone number cannot contain letters, found 'e'"),
                Arguments.of("+7 495 123/45/67", "unexpected character, found '/' at position 11"),
                Arguments.of("495+1234567", "'+' may only stand at the start of a number"),
                Arguments.of("++74951234567", "'+' may only stand at the start of a number"),
                Arguments.of("+44 20 7946 0958", "only +7 (Russia) and +86 (China) numbers are served, got +442079460958"),
                Arguments.of("001 212 555 0100", "only +7 (Russia) and +86 (China) numbers are served, got +12125550100"),
                Arguments.of("+7 727 123 45 67", "+7 7xx is a Kazakh number; only Russian numbers are served"),
                Arguments.of("+7 612 123 45 67", "+7 6xx is a Kazakh number; only Russian numbers are served"),
                Arguments.of("+7 595 123 45 67", "a Russian national number starts with 3, 4, 8 or 9, got 5"),
                Arguments.of("1951234567", "a Russian national number starts with 3, 4, 8 or 9, got 1"),
                Arguments.of("+86 010 1234 5678", "after +86 the trunk 0 is dropped"),
                Arguments.of("+86 138 1234 567", "a Chinese mobile number has 11 digits, got 10"),
                Arguments.of("+86 400 123 45678", "a Chinese 400 number has 10 digits, got 11"),
                Arguments.of("+86 800 123 4567", "Chinese 800 numbers are not served"),
                Arguments.of("+86 128 1234 5678", "no Chinese number starts with 12"),
                Arguments.of("+86 10 1234", "a Chinese number has 9 to 11 digits after +86, got 6"),
                Arguments.of("010 1234", "a Chinese city number has 7 or 8 digits after area code 10, got 4"),
                Arguments.of("0755 1234 56789", "a Chinese city number has 7 or 8 digits after area code 755, got 9"),
                Arguments.of("0138 1234 5678", "Chinese mobile numbers are dialled without the trunk 0"),
                Arguments.of("0400 123 4567", "400 numbers are dialled without the trunk 0"),
                Arguments.of("0", "an area code must follow the trunk 0"),
                Arguments.of("+7 495 123 45 67 89 01 23 45", "too many digits: a phone number has at most 15 digits"),
                Arguments.of("1".repeat(65), "phone number is too long: 65 characters, at most 64"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("rejected")
    void rejectsWithAMessageSayingWhatIsWrong(String input, String message) {
        InvalidPhoneNumberException e = assertThrows(InvalidPhoneNumberException.class, () -> parser.parse(input));
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
        assertEquals(input, e.input());
    }

    @Test
    void rejectsNull() {
        assertThrows(InvalidPhoneNumberException.class, () -> parser.parse(null));
    }

    @Test
    void hintCnReadsBareDigitsAsChinese() {
        InvalidPhoneNumberException e = assertThrows(InvalidPhoneNumberException.class,
                () -> parser.parse("400 123 456", Country.CN));
        assertEquals("a Chinese 400 number has 10 digits, got 9", e.getMessage());
    }

    @Test
    void hintRuReadsCnLookingDigitsAsRussian() {
        InvalidPhoneNumberException e = assertThrows(InvalidPhoneNumberException.class,
                () -> parser.parse("13812345678", Country.RU));
        assertEquals("a Russian number has 10 digits (11 with a leading 8 or 7), got 11", e.getMessage());
        assertThrows(InvalidPhoneNumberException.class, () -> parser.parse("010 12345678", Country.RU));
    }
}
