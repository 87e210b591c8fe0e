package io.vpbx.admin.domain.trunk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A carrier's SIP trunk as the operator manages it. Calls from any of {@code sourceAddresses} are taken
 * as coming through this trunk; {@code accountId} null makes it a carrier trunk reaching every account's
 * numbers, otherwise it reaches that account's numbers only. {@code outboundUri} (optional) is where calls
 * out through the trunk are sent. A disabled trunk is kept but not routed.
 */
public record Trunk(String id, String name, List<SourceAddress> sourceAddresses, String accountId, String outboundUri,
                    boolean enabled, Instant createdAt, Instant updatedAt) {
    public static final int MAX_SOURCE_ADDRESSES = 32;

    public Trunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        sourceAddresses = List.copyOf(sourceAddresses);
        if (sourceAddresses.isEmpty() || sourceAddresses.size() > MAX_SOURCE_ADDRESSES) {
            throw new IllegalArgumentException("a trunk has 1.." + MAX_SOURCE_ADDRESSES + " source addresses");
        }
        if (sourceAddresses.stream().distinct().count() != sourceAddresses.size()) {
            throw new IllegalArgumentException("a source address is listed twice");
        }
    }
}
