package io.vpbx.admin.domain.limits;

import java.util.List;

/**
 * The limits the operator set for one account; a null field means the configured default. Values are checked
 * by {@link LimitSettingsPatch} before they get here.
 */
public record LimitSettings(Integer maxReservedNumbers, Integer purchasesPerHour, Integer purchasesPerDay,
                            Integer concurrentCalls, Integer callsPerMinute, Integer maxCallSeconds,
                            Boolean allowInternational, Boolean allowPremium, List<String> allowedPrefixes) {

    /** No value set: every limit is the default. */
    public static final LimitSettings DEFAULTS = new LimitSettings(null, null, null, null, null, null, null, null, null);

    public LimitSettings {
        allowedPrefixes = allowedPrefixes == null ? null : List.copyOf(allowedPrefixes);
    }
}
