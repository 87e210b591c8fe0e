package io.vpbx.admin.domain.trunk;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.forwarding.SipUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules for a trunk's fields as they arrive in a request, each naming the field when broken. */
public final class TrunkFields {
    public static final int MAX_NAME_LENGTH = 200;

    private TrunkFields() {
    }

    /** 1..200 characters after trimming, as {@link FreeText} allows them. */
    public static String name(String field, String value) {
        return FreeText.required(field, value, MAX_NAME_LENGTH);
    }

    /** 1..32 addresses, each canonical, none twice (two spellings of one address count as twice). */
    public static List<SourceAddress> sourceAddresses(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidFieldException(field, "at least one IPv4 or IPv6 address is required");
        }
        if (values.size() > Trunk.MAX_SOURCE_ADDRESSES) {
            throw new InvalidFieldException(field, "a trunk has at most " + Trunk.MAX_SOURCE_ADDRESSES
                    + " source addresses, got " + values.size());
        }
        List<SourceAddress> addresses = new ArrayList<>();
        Map<SourceAddress, Integer> positions = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            SourceAddress address = SourceAddress.of(field + "[" + i + "]", values.get(i));
            Integer earlier = positions.putIfAbsent(address, i);
            if (earlier != null) {
                throw new InvalidFieldException(field + "[" + i + "]", address + " is already listed as "
                        + field + "[" + earlier + "]");
            }
            addresses.add(address);
        }
        return addresses;
    }

    /**
     * The gateway calls out are sent to: a SIP URI naming a host, without a user part (the proxy puts the
     * dialled number there), e.g. {@code sip:gw.carrier.example:5060;transport=udp}.
     */
    public static String outboundUri(String field, String value) {
        SipUri uri = SipUri.of(field, value);
        if (uri.value().indexOf('@') >= 0) {
            throw new InvalidFieldException(field, "names the carrier's gateway, without a user part: got '" + uri.value() + "'");
        }
        return uri.value();
    }
}
