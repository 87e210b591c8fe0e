package io.vpbx.telephony.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.config.AddressRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PrivateTargetsTest {
    private final PrivateTargets none = new PrivateTargets(List.of());

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "240.0.0.1", "192.0.0.170", "198.18.0.1", "::", "::1", "fe80::1", "fd00:ec2::254", "fc00::1",
            "ff02::1", "fec0::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1",
            "2002:7f00:1::1", "2002:a9fe:a9fe::1", "100::1"})
    void privateAndReservedAddressesAreRefused(String literal) throws Exception {
        assertTrue(none.refusal(ip(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "193.0.6.139", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
            "192.0.2.10", "2001:db8::1", "2a00:1450:4010:c05::64", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesPass(String literal) throws Exception {
        assertEquals(Optional.empty(), none.refusal(ip(literal)), literal);
    }

    @Test
    void theOperatorOpensRanges() throws Exception {
        PrivateTargets lab = new PrivateTargets(List.of(AddressRange.parse("127.0.0.0/8").orElseThrow(),
                AddressRange.parse("fd00:1::/48").orElseThrow()));
        assertEquals(Optional.empty(), lab.refusal(ip("127.0.0.1")));
        assertEquals(Optional.empty(), lab.refusal(ip("::ffff:127.0.0.2")));
        assertEquals(Optional.empty(), lab.refusal(ip("fd00:1::5")));
        assertTrue(lab.refusal(ip("::1")).isPresent(), "::1 is not in 127.0.0.0/8");
        assertTrue(lab.refusal(ip("10.0.0.1")).isPresent());
        assertTrue(lab.refusal(ip("fd00:2::5")).isPresent());
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIs() throws Exception {
        Map<String, List<InetAddress>> dns = Map.of(
                "pbx.example.com", List.of(ip("193.0.6.139")),
                "rebind.example.com", List.of(ip("193.0.6.139"), ip("10.0.0.7")),
                "localhost", List.of(ip("127.0.0.1"), ip("::1")));
        HostResolver resolver = host -> {
            List<InetAddress> found = dns.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found;
        };
        assertInstanceOf(PrivateTargets.Decision.Allowed.class, none.check("pbx.example.com", resolver));
        PrivateTargets.Decision rebind = none.check("rebind.example.com", resolver);
        assertEquals(new PrivateTargets.Decision.Refused(ip("10.0.0.7"), "a private (RFC 1918) address"), rebind);
        assertInstanceOf(PrivateTargets.Decision.Refused.class, none.check("localhost", resolver));
        assertInstanceOf(PrivateTargets.Decision.Unresolved.class, none.check("nowhere.example.com", resolver));
        assertInstanceOf(PrivateTargets.Decision.Refused.class, none.check("[::1]", HostResolver.system()));
    }
}
