package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void valuesAreSplitAtCommasOutsideQuotesAndAngleBrackets() {
        assertEquals(List.of("\"Doe, John\" <sip:john@example.com>;tag=1", "<sip:a@example.com;x=a,b>", "sip:c@example.com"),
                Addresses.splitValues("\"Doe, John\" <sip:john@example.com>;tag=1 ,<sip:a@example.com;x=a,b>,  sip:c@example.com"));
        assertEquals(List.of("\"a \\\", b\" <sip:a@example.com>"), Addresses.splitValues("\"a \\\", b\" <sip:a@example.com>"),
                "an escaped quote does not end the quoted string");
        assertEquals(List.of("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1", "SIP/2.0/TCP [2001:db8::1]:5070;branch=z9hG4bK2"),
                Addresses.splitValues("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1,SIP/2.0/TCP [2001:db8::1]:5070;branch=z9hG4bK2"));
        assertEquals(List.of("one"), Addresses.splitValues(" one "));
    }

    @Test
    void theUriOfANameAddrIsInsideTheAngleBrackets() {
        assertEquals("sip:alice@example.com;transport=tcp",
                Addresses.uri("\"Alice <boss>\" <sip:alice@example.com;transport=tcp>;tag=9"));
        assertEquals("sip:10.0.0.1;lr", Addresses.uri("<sip:10.0.0.1;lr>"));
        assertNull(Addresses.uri("<sip:unclosed@example.com"));
    }

    @Test
    void theUriOfAnAddrSpecEndsAtItsFirstParameter() {
        assertEquals("sip:alice@example.com", Addresses.uri("sip:alice@example.com;tag=9"));
        assertNull(Addresses.uri(null));
        assertNull(Addresses.uri(" ;tag=1"));
    }

    @Test
    void theTagIsAHeaderParameterNotAUriParameter() {
        assertEquals("9fxced76sl", Addresses.tag("\"Bob\" <sip:bob@example.com;tag=inside>;tag=9fxced76sl"));
        assertEquals("abc", Addresses.tag("sip:bob@example.com ; TAG = abc ;other=1"));
        assertEquals("x", Addresses.tag("\"has ;tag=fake\" <sip:b@example.com>;tag=x"));
        assertNull(Addresses.tag("<sip:bob@example.com;tag=inside>"));
        assertNull(Addresses.tag("<sip:bob@example.com>;tagged=1"));
        assertNull(Addresses.tag("<sip:bob@example.com>;tag="));
        assertNull(Addresses.tag(null));
    }
}
