package io.vpbx.admin.domain.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpbx.admin.domain.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Source addresses: literals only, one canonical spelling each, and the form the SIP transport compares with. */
class SourceAddressTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.10, 192.0.2.10",
            "' 10.0.0.1 ', 10.0.0.1",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "::1, ::1",
            "fe80:0:0:0:0:0:0:0, fe80::",
            "::ffff:192.0.2.7, 192.0.2.7",
            "2001:db8::0:1:0:0:1, 2001:db8::1:0:0:1"
    })
    void spellingsOfOneAddressBecomeOne(String input, String canonical) {
        assertEquals(canonical, SourceAddress.of("source_addresses[0]", input).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"carrier.example", "192.0.2", "192.0.2.256", "192.0.2.010", "192.0.2.1.5", "1::2::3",
            "fe80::1%eth0", "[2001:db8::1]", "0.0.0.0", "::", "224.0.0.1", "ff02::1", ""})
    void hostNamesMalformedUnspecifiedAndMulticastAddressesAreRefusedNamingTheField(String input) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> SourceAddress.of("source_addresses[2]", input));
        assertEquals("source_addresses[2]", e.field());
    }

    @Test
    void theSipFormIsWhatJavaWritesForAReceivedPacketsSender() {
        assertEquals("2001:db8:0:0:0:0:0:1", SourceAddress.of("f", "2001:db8::1").hostAddress());
        assertEquals("192.0.2.10", SourceAddress.of("f", "192.0.2.10").hostAddress());
    }

    @Test
    void aListNamesTheEntryThatRepeatsAnEarlierOne() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> TrunkFields.sourceAddresses("source_addresses", List.of("2001:db8::1", "192.0.2.1", "2001:DB8:0::1")));
        assertEquals("source_addresses[2]", e.field());
        assertEquals("source_addresses", assertThrows(InvalidFieldException.class,
                () -> TrunkFields.sourceAddresses("source_addresses", List.of())).field());
    }

    @Test
    void theOutboundUriNamesAGatewayNotAUser() {
        assertEquals("sip:gw.carrier.example:5060;transport=udp",
                TrunkFields.outboundUri("outbound_uri", "sip:gw.carrier.example:5060;transport=udp"));
        assertEquals("outbound_uri", assertThrows(InvalidFieldException.class,
                () -> TrunkFields.outboundUri("outbound_uri", "sip:+74951230000@gw.carrier.example")).field());
        assertEquals("outbound_uri", assertThrows(InvalidFieldException.class,
                () -> TrunkFields.outboundUri("outbound_uri", "http://gw.carrier.example")).field());
    }
}
