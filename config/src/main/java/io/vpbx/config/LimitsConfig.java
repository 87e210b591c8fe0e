package io.vpbx.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The per-account limits every account has until the operator sets its own (catalog hoarding and toll fraud).
 *
 * @param maxReservedNumbers  most numbers one account may hold in open reservations at once
 * @param purchasesPerHour    most numbers one account may buy in any sliding hour
 * @param purchasesPerDay     most numbers one account may buy in any sliding 24 hours
 * @param concurrentCalls     most calls of one account (in and out) at once
 * @param callsPerMinute      most calls of one account (in and out) started in any sliding minute
 * @param maxCallDuration     longest an answered call of the account lasts before both legs get a BYE
 * @param allowInternational  whether calls out may go outside the caller number's country
 * @param allowPremium        whether calls out may reach premium-rate prefixes
 * @param allowedPrefixes     E.164 prefixes (with +) that calls out may reach even when international
 */
public record LimitsConfig(int maxReservedNumbers, int purchasesPerHour, int purchasesPerDay, int concurrentCalls,
        int callsPerMinute, Duration maxCallDuration, boolean allowInternational, boolean allowPremium,
        List<String> allowedPrefixes) {

    public LimitsConfig {
        Checks.requireAtLeast(maxReservedNumbers, 0, "limits.max-reserved-numbers");
        Checks.requireAtLeast(purchasesPerHour, 0, "limits.purchases-per-hour");
        Checks.requireAtLeast(purchasesPerDay, 0, "limits.purchases-per-day");
        Checks.requireAtLeast(concurrentCalls, 0, "limits.concurrent-calls");
        Checks.requireAtLeast(callsPerMinute, 0, "limits.calls-per-minute");
        Checks.requirePositive(maxCallDuration, "limits.max-call-duration");
        allowedPrefixes = List.copyOf(Objects.requireNonNull(allowedPrefixes, "limits.allowed-prefixes"));
        for (String prefix : allowedPrefixes) {
            if (!isPrefix(prefix)) {
                throw new IllegalArgumentException("limits.allowed-prefixes: '" + prefix + "' is not + and 1..15 digits");
            }
        }
    }

    /** A destination prefix: {@code +} and 1 to 15 ASCII digits. */
    public static boolean isPrefix(String text) {
        if (text == null || text.length() < 2 || text.length() > 16 || text.charAt(0) != '+') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
