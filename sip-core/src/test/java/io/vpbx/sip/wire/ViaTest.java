package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ViaTest {

    @Test
    void sentByWithAPortAndTheParametersMatchingReads() {
        Via via = Via.parse("SIP/2.0/udp PC33.Example.com:5066;branch=z9hG4bK776;received=192.0.2.1;rport=40000");

        assertEquals(new Via("UDP", "pc33.example.com", 5066, "z9hG4bK776", "192.0.2.1", 40000), via);
        assertEquals("pc33.example.com:5066", via.sentBy());
    }

    @Test
    void theDefaultPortDependsOnTheTransport() {
        assertEquals(5060, Via.parse("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1").port());
        assertEquals(5060, Via.parse("SIP/2.0/TCP 10.0.0.1;branch=z9hG4bK1").port());
        assertEquals(5061, Via.parse("SIP/2.0/TLS 10.0.0.1;branch=z9hG4bK1").port());
    }

    @Test
    void ipv6SentByKeepsItsBrackets() {
        Via withPort = Via.parse("SIP/2.0/UDP [2001:DB8::9]:5070;branch=z9hG4bK1");
        Via withoutPort = Via.parse("SIP/2.0/TCP [2001:db8::9];branch=z9hG4bK2");

        assertEquals("[2001:db8::9]", withPort.host());
        assertEquals(5070, withPort.port());
        assertEquals("[2001:db8::9]:5070", withPort.sentBy());
        assertEquals("[2001:db8::9]", withoutPort.host());
        assertEquals(5060, withoutPort.port());
        assertEquals(new InetSocketAddress("2001:db8::9", 5070), withPort.responseAddress());
    }

    @Test
    void anEmptyRportFlagIsAbsentUntilFilled() {
        Via flag = Via.parse("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bK1");

        assertEquals(-1, flag.rport());
        assertEquals("z9hG4bK1", flag.branch());
        assertNull(flag.received());
    }

    @Test
    void responsesGoToReceivedAndRportWhenStamped() {
        Via plain = Via.parse("SIP/2.0/UDP 10.0.0.1:5062;branch=z9hG4bK1");
        Via stamped = Via.parse("SIP/2.0/UDP 10.0.0.1:5062;branch=z9hG4bK1;received=198.51.100.4;rport=61000");
        Via domain = Via.parse("SIP/2.0/UDP phone.example.com;branch=z9hG4bK1");

        assertEquals(new InetSocketAddress("10.0.0.1", 5062), plain.responseAddress());
        assertEquals(new InetSocketAddress("198.51.100.4", 61000), stamped.responseAddress());
        assertNull(domain.responseAddress(), "a host name is never looked up on the event loop");
    }

    @Test
    void parametersAreReadWhateverTheirCaseAndSpacing() {
        Via via = Via.parse("SIP/2.0/UDP 10.0.0.1 ; BRANCH = z9hG4bKx ; Received=192.0.2.7");

        assertEquals("10.0.0.1", via.host());
        assertEquals("z9hG4bKx", via.branch());
        assertEquals("192.0.2.7", via.received());
    }

    @Test
    void whatIsNoViaIsNull() {
        assertNull(Via.parse("rubbish"));
        assertNull(Via.parse("SIP/2.0/UDP"));
        assertNull(Via.parse("HTTP/1.1/TCP host"));
        assertNull(Via.parse("SIP/2.0/UDP 10.0.0.1:0;branch=z9hG4bK1"));
        assertNull(Via.parse("SIP/2.0/UDP 10.0.0.1:70000"));
        assertNull(Via.parse("SIP/2.0/UDP 10.0.0.1:port"));
        assertNull(Via.parse("SIP/2.0/UDP [2001:db8::1;branch=z9hG4bK1"));
    }
}
