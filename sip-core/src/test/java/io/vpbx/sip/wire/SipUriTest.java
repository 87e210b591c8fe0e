package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SipUriTest {

    @Test
    void userHostPortAndParametersAreRead() {
        SipUri uri = SipUri.parse("sip:+74951230001@GW.Carrier.example:5080;transport=TCP;lr;user=phone");

        assertEquals(new SipUri("+74951230001", "gw.carrier.example", 5080, "tcp", true, false), uri);
        assertEquals(5080, uri.portOrDefault());
    }

    @Test
    void aUriWithoutUserOrPortUsesTheDefaults() {
        SipUri uri = SipUri.parse("sip:vpbx.example.com");

        assertNull(uri.user());
        assertEquals(-1, uri.port());
        assertEquals(5060, uri.portOrDefault());
        assertNull(uri.transport());
        assertFalse(uri.looseRouting());
    }

    @Test
    void looseRoutingIsAFlagWhereverItStands() {
        assertTrue(SipUri.parse("sip:10.0.0.1;lr").looseRouting());
        assertTrue(SipUri.parse("sip:10.0.0.1;transport=udp;lr=on").looseRouting());
        assertFalse(SipUri.parse("sip:10.0.0.1;lrx").looseRouting());
    }

    @Test
    void sipsIsSecureAndDefaultsToTheTlsPort() {
        SipUri uri = SipUri.parse("SIPS:alice@example.com");

        assertTrue(uri.secure());
        assertEquals(5061, uri.portOrDefault());
        assertEquals(5061, SipUri.parse("sip:example.com;transport=tls").portOrDefault());
    }

    @Test
    void ipv6HostsKeepTheirBrackets() {
        SipUri withPort = SipUri.parse("sip:bob@[2001:DB8::1]:5070;transport=udp");
        SipUri withoutPort = SipUri.parse("sip:[2001:db8::1]");

        assertEquals("[2001:db8::1]", withPort.host());
        assertEquals(5070, withPort.port());
        assertEquals("bob", withPort.user());
        assertEquals("[2001:db8::1]", withoutPort.host());
        assertEquals(-1, withoutPort.port());
        assertNull(SipUri.parse("sip:[2001:db8::1]x"));
    }

    @Test
    void aUserPartWithParametersKeepsThemAndTheHostIsAfterTheAt() {
        SipUri uri = SipUri.parse("sip:+74951230001;npdi;rn=+74950000000@gw.example.com:5062;lr");

        assertEquals("+74951230001;npdi;rn=+74950000000", uri.user());
        assertEquals("gw.example.com", uri.host());
        assertEquals(5062, uri.port());
        assertTrue(uri.looseRouting());
    }

    @Test
    void aPasswordIsNotPartOfTheUser() {
        assertEquals("alice", SipUri.parse("sip:alice:secret@example.com").user());
    }

    @Test
    void headersAreNotParameters() {
        SipUri uri = SipUri.parse("sip:alice@example.com?subject=lr;x");

        assertEquals("example.com", uri.host());
        assertFalse(uri.looseRouting());
    }

    @Test
    void whatIsNoSipUriIsNull() {
        assertNull(SipUri.parse(null));
        assertNull(SipUri.parse("tel:+74951230001"));
        assertNull(SipUri.parse("sip:"));
        assertNull(SipUri.parse("sip:alice@"));
        assertNull(SipUri.parse("sip:example.com:0"));
        assertNull(SipUri.parse("sip:example.com:99999"));
        assertNull(SipUri.parse("sip:example.com:http"));
    }
}
