package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderAddressTest {

    @Test
    void aNameAddrKeepsItsUriParametersInsideTheBrackets() {
        HeaderAddress address = HeaderAddress.parse("\"Doe; John <x>\" <sip:john@example.com;transport=tcp>;expires=60;q=0.5");

        assertEquals("sip:john@example.com;transport=tcp", address.uri());
        assertEquals(List.of("expires=60", "q=0.5"), address.parameters());
        assertEquals("60", address.parameter("EXPIRES"));
        assertNull(address.parameter("transport"));
    }

    @Test
    void anAddrSpecsParametersAreHeaderParameters() {
        HeaderAddress address = HeaderAddress.parse("sip:john@example.com;expires=60;lr");

        assertEquals("sip:john@example.com", address.uri());
        assertEquals("", address.parameter("lr"), "present without a value");
        assertNull(address.parameter("q"));
    }

    @Test
    void whatIsNoAddressIsRefused() {
        assertNull(HeaderAddress.parse(""));
        assertNull(HeaderAddress.parse("<sip:john@example.com> trailing"));
        assertNull(HeaderAddress.parse("<sip:john@example.com"));
        assertNull(HeaderAddress.parse("<>"));
        assertNull(HeaderAddress.parse("John sip:john@example.com"));
        assertNull(HeaderAddress.parse("<sip:john@example.com>;;q=1"));
        assertNull(HeaderAddress.parse("<sip:john@example.com>;q y=1"));
    }
}
