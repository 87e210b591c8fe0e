package io.vpbx.sip.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegisterMessagesTest {
    private final RegisterMessages messages = new RegisterMessages("vpbx-test");

    private String register(String login) {
        UplinkAccount account = new UplinkAccount("+79031112233", "acc-1", login, "secret", "operator.example", 5060, "udp",
                3600, true);
        return new String(messages.register(account, "call-1@vpbx", "ft1", "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKx",
                "192.0.2.1:5060", new RegisterRequest(1, 3600, null, null)), StandardCharsets.UTF_8);
    }

    @Test
    void aLoginThatWouldCloseTheUriIsEscapedAndTheFromHostStaysTheRegistrar() {
        // stored before the API checked logins: the spoof of the From host
        String text = register("evil@127.0.0.9>;tag=x,<sip:y");
        WireMessage register = WireMessage.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(null, register.problem(), text);
        String from = text.lines().filter(line -> line.startsWith("From:")).findFirst().orElseThrow();
        assertEquals("From: <sip:evil%40127.0.0.9%3E;tag=x,%3Csip%3Ay@operator.example>;tag=ft1", from, text);
        SipUri uri = SipUri.parse(from.substring(from.indexOf('<') + 1, from.indexOf('>')));
        assertEquals("operator.example", uri.host());
        assertFalse(text.contains("127.0.0.9>"), text);
    }

    @Test
    void anOrdinaryLoginIsWrittenAsItIs() {
        String text = register("user-1.sip+x");
        assertTrue(text.contains("From: <sip:user-1.sip+x@operator.example>;tag=ft1"), text);
    }
}
