package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowedPrivateTargetsTest {

    private static AddressRange range(String text) {
        return AddressRange.parse(text).orElseThrow(() -> new AssertionError("not a range: " + text));
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void noneByDefault() {
        assertEquals(List.of(), ConfigLoader.load(new String[0], Map.of()).security().allowedPrivateTargets());
    }

    @Test
    void aListOfIpv4AndIpv6BlocksIsRead() {
        VpbxConfig config = ConfigLoader.load(new String[] {"--security.allowed-private-targets=127.0.0.0/8, fd00:1::/48,::1"},
                Map.of());
        assertEquals(List.of(range("127.0.0.0/8"), range("fd00:1::/48"), range("::1/128")),
                config.security().allowedPrivateTargets());
    }

    @Test
    void somethingElseFailsStartupNamingTheKey() {
        for (String bad : new String[] {"localhost", "127.0.0.0/33", "10.0.0.0/8,", "0x7f000001/32", "::1/129", "127.1/8"}) {
            List<String> problems = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                    new String[] {"--security.allowed-private-targets=" + bad}, Map.of())).problems();
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.get(0).startsWith("security.allowed-private-targets: expected"), problems.get(0));
        }
    }

    @Test
    void blocksContainTheirAddressesOnly() throws Exception {
        assertTrue(range("127.0.0.0/8").contains(ip("127.255.0.1")));
        assertFalse(range("127.0.0.0/8").contains(ip("128.0.0.1")));
        assertTrue(range("100.64.0.0/10").contains(ip("100.127.255.255")));
        assertFalse(range("100.64.0.0/10").contains(ip("100.128.0.0")));
        assertTrue(range("fc00::/7").contains(ip("fd00:ec2::254")));
        assertFalse(range("fc00::/7").contains(ip("fe00::1")));
        assertTrue(range("0.0.0.0/0").contains(ip("203.0.113.1")));
        assertFalse(range("0.0.0.0/0").contains(ip("2001:db8::1")), "an IPv4 block holds no IPv6 address");
        assertTrue(range("10.0.0.1").contains(ip("10.0.0.1")));
        assertFalse(range("10.0.0.1").contains(ip("10.0.0.2")));
        assertEquals(range("10.0.0.0/8"), range("::ffff:10.0.0.0/104"), "a mapped block is its IPv4 block");
    }
}
