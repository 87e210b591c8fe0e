package io.vpbx.admin.domain.limits;

import io.vpbx.config.LimitsConfig;
import java.time.Duration;
import java.util.List;

/** The limits in force for one account: the operator's values where set, the configured defaults elsewhere. */
public record AccountLimits(int maxReservedNumbers, int purchasesPerHour, int purchasesPerDay, int concurrentCalls,
                            int callsPerMinute, Duration maxCallDuration, boolean allowInternational, boolean allowPremium,
                            List<String> allowedPrefixes) {

    public AccountLimits {
        allowedPrefixes = List.copyOf(allowedPrefixes);
    }

    public static AccountLimits of(LimitSettings set, LimitsConfig defaults) {
        return new AccountLimits(
                or(set.maxReservedNumbers(), defaults.maxReservedNumbers()),
                or(set.purchasesPerHour(), defaults.purchasesPerHour()),
                or(set.purchasesPerDay(), defaults.purchasesPerDay()),
                or(set.concurrentCalls(), defaults.concurrentCalls()),
                or(set.callsPerMinute(), defaults.callsPerMinute()),
                set.maxCallSeconds() == null ? defaults.maxCallDuration() : Duration.ofSeconds(set.maxCallSeconds()),
                set.allowInternational() == null ? defaults.allowInternational() : set.allowInternational(),
                set.allowPremium() == null ? defaults.allowPremium() : set.allowPremium(),
                set.allowedPrefixes() == null ? defaults.allowedPrefixes() : set.allowedPrefixes());
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
