package io.vpbx.telephony.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SipGrammarTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "sip:pbx.example.com", "SIP:pbx.example.com:5060", "sips:pbx.example.com:5061;transport=tls",
            "sip:127.0.0.1:5099", "sip:alice@pbx.example.com", "sip:+74951234567@gw.example.com;user=phone",
            "sip:%41lice@pbx.example.com", "sip:a;b=c@pbx.example.com", "sip:[2001:db8::1]:5060;transport=tcp",
            "sip:[::1]", "sip:pbx-1.example.com.", "sip:a.b.c.d.e", "sip:x1"})
    void uris(String uri) {
        assertEquals(java.util.Optional.empty(), SipGrammar.uriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the reproductions
            "sip:127.0.0.1:5099;x=a\r\nX-Injected: yes", "sip:127.0.0.1:5099?Subject=pwn", "sip:pbx.example.com;maddr=10.0.0.1",
            "sip:127.0.0.1:5099\nX-Injected: yes", "sip:127.0.0.1:5099\u0000", "sip:127.0.0.1\r",
            // schemes, userinfo, hosts, ports, parameters
            "tel:+74951234567", "http://pbx.example.com", "sip:", "sip:@pbx.example.com", "sip:alice:secret@pbx.example.com",
            "sip:a@b@pbx.example.com", "sip:evil>@pbx.example.com", "sip:a b@pbx.example.com", "sip:%0D%0A@pbx.example.com",
            "sip:%4@pbx.example.com", "sip:al\u00efce@pbx.example.com", "sip:0x7f000001", "sip:2130706433", "sip:0177.0.0.1",
            "sip:127.1", "sip:256.0.0.1", "sip:01.2.3.4", "sip:-pbx.example.com", "sip:pbx_1.example.com",
            "sip:2001:db8::1", "sip:[2001:db8::1", "sip:[fe80::1%25eth0]", "sip:pbx.example.com:0",
            "sip:pbx.example.com:65536", "sip:pbx.example.com:+5060", "sip:pbx.example.com:", "sip:pbx.example.com;lr",
            "sip:pbx.example.com;transport=sctp", "sip:pbx.example.com;transport=udp;transport=tcp",
            "sip:pbx.example.com;x=a", "sip:pbx.example.com;", "sip:pbx.example.com>", "sip:pbx.example.com,sip:other",
            "sip:pbx.example.com\t", " sip:pbx.example.com", "sip:a?b@pbx.example.com?c=d"})
    void notUris(String uri) {
        assertTrue(SipGrammar.uriProblem(uri).isPresent(), uri);
    }

    @Test
    void usersAreTheRfcUserToken() {
        assertTrue(SipGrammar.isUser("alice.smith_1-2"));
        assertTrue(SipGrammar.isUser("+74951234567"));
        assertTrue(SipGrammar.isUser("a&b=c+d$e,f;g?h/i!~*'()"));
        assertTrue(SipGrammar.isUser("%41"));
        assertFalse(SipGrammar.isUser("evil@127.0.0.9>;tag=x,<sip:y"), "the issue's From spoof");
        assertFalse(SipGrammar.isUser(""));
        assertFalse(SipGrammar.isUser("a b"));
        assertFalse(SipGrammar.isUser("a:b"));
        assertFalse(SipGrammar.isUser("a\"b"));
        assertFalse(SipGrammar.isUser("a\r\nb"));
        assertFalse(SipGrammar.isUser("%00"));
        assertFalse(SipGrammar.isUser("%zz"));
    }

    @Test
    void hostsAreNamesDottedQuadsOrBracketedIpv6() {
        assertTrue(SipGrammar.hostProblem("sip.operator.example").isEmpty());
        assertTrue(SipGrammar.hostProblem("192.0.2.10").isEmpty());
        assertTrue(SipGrammar.hostProblem("[2001:db8::10]").isEmpty());
        for (String odd : new String[] {"0x7f000001", "2130706433", "0177.0.0.1", "127.1", "1.2.3", "1.2.3.4.5", "",
                "a..b", "x.123", "[::ffff:127.0.0.1%1]", "host name"}) {
            assertTrue(SipGrammar.hostProblem(odd).isPresent(), odd);
        }
    }

    @Test
    void userPartsAreEscapedWhateverTheyHold() {
        assertEquals("alice+1", SipGrammar.escapeUser("alice+1"));
        assertEquals("%41lice", SipGrammar.escapeUser("%41lice"), "a valid escape is kept");
        assertEquals("evil%40127.0.0.9%3E;tag=x,%3Csip%3Ay", SipGrammar.escapeUser("evil@127.0.0.9>;tag=x,<sip:y"));
        assertEquals("a%0D%0AX-Injected%3A%20yes", SipGrammar.escapeUser("a\r\nX-Injected: yes"));
        assertEquals("%250D", SipGrammar.escapeUser("%0D"), "an escaped control character is escaped again");
        assertEquals("%257F", SipGrammar.escapeUser("%7F"));
        assertEquals("%D0%B8", SipGrammar.escapeUser("\u0438"));
        assertEquals("100%25", SipGrammar.escapeUser("100%"));
    }

    @Test
    void quotedContentCannotEndTheStringOrTheHeader() {
        assertEquals("Anna \\\"Boss\\\" Petrova", SipGrammar.quotedContent("Anna \"Boss\" Petrova"));
        assertEquals("a\\\\b", SipGrammar.quotedContent("a\\b"));
        assertEquals("aX-Injected: yes", SipGrammar.quotedContent("a\r\nX-Injected: yes"));
        assertEquals("ab", SipGrammar.quotedContent("a\u0000b"));
        assertEquals("\u0410\u043d\u043d\u0430\tB", SipGrammar.quotedContent("\u0410\u043d\u043d\u0430\tB"));
    }

    @Test
    void theHostIsReadAsWrittenWithoutUserPortOrParameters() {
        assertEquals("pbx.example.com", SipGrammar.host("sip:Reception@PBX.example.com:5060;transport=tcp"));
        assertEquals("[2001:db8::1]", SipGrammar.host("sips:[2001:db8::1]:5061"));
        assertEquals("192.0.2.10", SipGrammar.host("sip:192.0.2.10"));
        assertEquals(null, SipGrammar.host("tel:+74951234567"));
    }
}
