package io.vpbx.admin.domain.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.telephony.uplink.RegistrationState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThirdPartyFieldsTest {
    private final PhoneNumberParser parser = new PhoneNumberParser();

    private static InvalidFieldException refused(Runnable check) {
        return assertThrows(InvalidFieldException.class, check::run);
    }

    @Test
    void anAccountConnectsRussianMobileAndCityNumbersInAnySpelling() {
        assertEquals("+79161234567", ThirdPartyFields.number(parser, "number", "8 (916) 123-45-67", false).e164());
        assertEquals("+74951234567", ThirdPartyFields.number(parser, "number", "+7 495 123 45 67", false).e164());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+86 10 1234 5678", "+44 20 7946 0958", "0044 20 7946 0958", "+1 212 555 0100", "8 800 555 35 35",
            "13812345678"})
    void anAccountIsSentToTheOperatorForAnyOtherNumber(String input) {
        InvalidFieldException e = refused(() -> ThirdPartyFields.number(parser, "number", input, false));
        assertEquals("number", e.field());
        assertTrue(e.reason().contains("contact the operator"), e.getMessage());
    }

    @Test
    void theOperatorConnectsAnyNumberVpbxCanRead() {
        assertEquals(Country.CN, ThirdPartyFields.number(parser, "number", "+86 10 1234 5678", true).country());
        assertEquals("+78005553535", ThirdPartyFields.number(parser, "number", "8 800 555 35 35", true).e164());
        InvalidFieldException e = refused(() -> ThirdPartyFields.number(parser, "number", "+44 20 7946 0958", true));
        assertEquals("number", e.field());
        assertFalse(e.reason().contains("contact the operator"), "the operator is told why, not sent to themselves");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "+7 495", "+7 612 345 67 89", "abc"})
    void aBrokenNumberIsRefusedWithWhatIsWrong(String input) {
        InvalidFieldException e = refused(() -> ThirdPartyFields.number(parser, "number", input, false));
        assertEquals("number", e.field());
        assertFalse(e.reason().contains("contact the operator"), e.getMessage());
    }

    @Test
    void loginIsOneTo64CharactersWithoutSpaceOrControl() {
        assertEquals("user-1.sip+x", ThirdPartyFields.login("login", "user-1.sip+x"));
        assertEquals("a".repeat(64), ThirdPartyFields.login("login", "a".repeat(64)));
        for (String bad : new String[] {null, "", "a".repeat(65), "two words", "tab\there", "nl\n", "nbsp\u00a0x", "\u0000",
                "evil@127.0.0.9>;tag=x,<sip:y", "a<b", "a\"b", "a:b", "%0d%0a", "\u0438\u0432\u0430\u043d"}) {
            assertEquals("login", refused(() -> ThirdPartyFields.login("login", bad)).field(), String.valueOf(bad));
        }
    }

    @Test
    void passwordIsOneTo128CharactersKeptAsGiven() {
        assertEquals(" s3cret ", ThirdPartyFields.password("password", " s3cret "));
        assertEquals(128, ThirdPartyFields.password("password", "p".repeat(128)).length());
        for (String bad : new String[] {null, "", "p".repeat(129), "a\u0007b"}) {
            InvalidFieldException e = refused(() -> ThirdPartyFields.password("password", bad));
            assertEquals("password", e.field());
            assertFalse(bad != null && !bad.isEmpty() && e.getMessage().contains(bad), "the message never repeats a password");
        }
    }

    @Test
    void serverIsAHostNameOrAnAddressLiteralAlone() {
        assertEquals("sip.operator.example", ThirdPartyFields.server("server", " SIP.Operator.example "));
        assertEquals("192.0.2.10", ThirdPartyFields.server("server", "192.0.2.10"));
        assertEquals("127.0.0.1", ThirdPartyFields.server("server", "127.0.0.1"));
        assertEquals("2001:db8::10", ThirdPartyFields.server("server", "2001:DB8:0::10"));
        assertEquals("2001:db8::10", ThirdPartyFields.server("server", "[2001:db8::10]"));
        assertEquals("localhost", ThirdPartyFields.server("server", "localhost"));
        for (String bad : new String[] {null, " ", "sip:sip.operator.example", "udp://sip.operator.example", "sip.operator.example:5060",
                "192.0.2.10:5060", "[2001:db8::10]:5060", "user@sip.operator.example", "sip.operator.example/x", "-bad.example",
                "bad-.example", "a..b", "under_score.example", "192.0.2.256", "0.0.0.0", "x".repeat(64) + ".example", "[192.0.2.1]",
                "0x7f000001", "2130706433", "0177.0.0.1", "127.1", "10.1", "host.123", "sip.operator.example\r\n",
                "sip.operator.example\u0000", "sip.operator.example."}) {
            assertEquals("server", refused(() -> ThirdPartyFields.server("server", bad)).field(), String.valueOf(bad));
        }
    }

    @Test
    void portTransportAndExpiresHaveDefaultsAndRanges() {
        assertEquals(5060, ThirdPartyFields.port("port", null));
        assertEquals(1, ThirdPartyFields.port("port", 1));
        assertEquals(65535, ThirdPartyFields.port("port", 65535));
        assertEquals("port", refused(() -> ThirdPartyFields.port("port", 0)).field());
        assertEquals("port", refused(() -> ThirdPartyFields.port("port", 65536)).field());

        assertEquals(LineTransport.UDP, ThirdPartyFields.transport("transport", null));
        assertEquals(LineTransport.TCP, ThirdPartyFields.transport("transport", "TCP"));
        assertEquals("transport", refused(() -> ThirdPartyFields.transport("transport", "tls")).field());

        assertEquals(3600, ThirdPartyFields.expires("expires", null));
        assertEquals(60, ThirdPartyFields.expires("expires", 60));
        assertEquals(86400, ThirdPartyFields.expires("expires", 86400));
        assertEquals("expires", refused(() -> ThirdPartyFields.expires("expires", 59)).field());
        assertEquals("expires", refused(() -> ThirdPartyFields.expires("expires", 86401)).field());
    }

    @Test
    void commentIsOptionalAndAtMost1000Characters() {
        assertEquals(null, ThirdPartyFields.comment("comment", null));
        assertEquals(null, ThirdPartyFields.comment("comment", "  "));
        assertEquals(1000, ThirdPartyFields.comment("comment", "c".repeat(1000)).length());
        assertEquals("comment", refused(() -> ThirdPartyFields.comment("comment", "c".repeat(1001))).field());
        for (String bad : new String[] {"line\r\nX-Injected: yes", "line\nfeed", "nul\u0000", "bell\u0007", "tab\t",
                "trailing\r\n", "\u202Eright-to-left override", "lone \uD800 surrogate"}) {
            assertEquals("comment", refused(() -> ThirdPartyFields.comment("comment", bad)).field(), bad);
        }
    }

    @Test
    void aRefreshThatStaysRegisteredIsNoTransitionButANewStateOrAnswerIs() {
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        RegistrationStatus registered = RegistrationStatus.of(new RegistrationReport("+74951234567", RegistrationState.REGISTERED, t0,
                t0.plusSeconds(3600), 200, "OK", null, "n1"));
        RegistrationStatus refreshed = RegistrationStatus.of(new RegistrationReport("+74951234567", RegistrationState.REGISTERED,
                t0.plusSeconds(1800), t0.plusSeconds(5400), 200, "OK", null, "n1"));
        RegistrationStatus retrying = RegistrationStatus.of(new RegistrationReport("+74951234567", RegistrationState.RETRYING,
                t0.plusSeconds(1900), null, 503, "Service Unavailable", t0.plusSeconds(1960), "n1"));
        RegistrationStatus retryingOther = RegistrationStatus.of(new RegistrationReport("+74951234567", RegistrationState.RETRYING,
                t0.plusSeconds(1960), null, 408, "Request Timeout", t0.plusSeconds(2080), "n1"));
        assertFalse(registered.isTransitionTo(refreshed));
        assertTrue(refreshed.isTransitionTo(retrying));
        assertTrue(retrying.isTransitionTo(retryingOther));
    }

    @Test
    void aTransitionNamesAKnownStateAndAPlausibleCode() {
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        assertEquals(Optional.empty(), RegistrationState.fromWire("online"), "only the known states are read from the wire");
        assertThrows(IllegalArgumentException.class, () -> new RegistrationReport("+74951234567", RegistrationState.RETRYING, t0, null, 42, null, null, null));
        assertEquals(RegistrationReport.MAX_REASON, new RegistrationReport("+74951234567", RegistrationState.RETRYING, t0, null, 500,
                "r".repeat(500), null, null).lastReason().length());
    }

    @Test
    void aLineNeverShowsItsPasswordWhenPrinted() {
        ThirdPartyLine line = new ThirdPartyLine("+74951234567", "acc", "user", "s3cret-pw", "sip.operator.example", 5060, "udp", 3600, true);
        assertFalse(line.toString().contains("s3cret-pw"), line.toString());
    }
}
