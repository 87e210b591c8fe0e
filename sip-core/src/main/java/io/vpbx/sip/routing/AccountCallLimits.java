package io.vpbx.sip.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * One account's toll-fraud limits as the call path reads them from the routing table: calls at once and started per
 * minute (calls in and out together), the longest an answered call may last, and where its calls out may go.
 */
public record AccountCallLimits(int concurrentCalls, int callsPerMinute, Duration maxCallDuration,
                                DestinationPolicy destinations) {

    public AccountCallLimits {
        Objects.requireNonNull(maxCallDuration, "maxCallDuration");
        Objects.requireNonNull(destinations, "destinations");
        if (concurrentCalls < 0 || callsPerMinute < 0 || maxCallDuration.isNegative() || maxCallDuration.isZero()) {
            throw new IllegalArgumentException("limits must not be negative: " + concurrentCalls + ", " + callsPerMinute + ", "
                    + maxCallDuration);
        }
    }

    /** No limit worth the name: the table's default when the server gives none (tests of routing alone). */
    public static AccountCallLimits unlimited() {
        return new AccountCallLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofHours(12), DestinationPolicy.open());
    }
}
