package io.vpbx.admin.domain.limits;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.config.LimitsConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's change to an account's limits, with JSON merge-patch meaning (RFC 7396): a field given replaces
 * the value, {@code null} brings back the configured default, a field left out keeps its value. Every value is
 * checked here, naming the field.
 */
public final class LimitSettingsPatch {
    /** Highest count a limit may be set to: far above any real need, low enough that sums never overflow. */
    public static final int MAX_COUNT = 1_000_000;
    /** Longest call the operator may allow: one day. */
    public static final int MAX_CALL_SECONDS = 86_400;
    public static final int MAX_PREFIXES = 200;
    static final Set<String> FIELDS = Set.of("max_reserved_numbers", "purchases_per_hour", "purchases_per_day",
            "concurrent_calls", "calls_per_minute", "max_call_seconds", "allow_international", "allow_premium",
            "allowed_prefixes");

    private LimitSettingsPatch() {
    }

    public static LimitSettings apply(LimitSettings before, JsonNode patch) {
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidFieldException(name, "unknown limit; the limits are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        return new LimitSettings(
                count(patch, "max_reserved_numbers", before.maxReservedNumbers(), 0, MAX_COUNT),
                count(patch, "purchases_per_hour", before.purchasesPerHour(), 0, MAX_COUNT),
                count(patch, "purchases_per_day", before.purchasesPerDay(), 0, MAX_COUNT),
                count(patch, "concurrent_calls", before.concurrentCalls(), 0, MAX_COUNT),
                count(patch, "calls_per_minute", before.callsPerMinute(), 0, MAX_COUNT),
                count(patch, "max_call_seconds", before.maxCallSeconds(), 1, MAX_CALL_SECONDS),
                flag(patch, "allow_international", before.allowInternational()),
                flag(patch, "allow_premium", before.allowPremium()),
                prefixes(patch, before.allowedPrefixes()));
    }

    /** The settings as merge-patch fields, for audit entries. */
    public static Map<String, Object> fields(LimitSettings s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("max_reserved_numbers", s.maxReservedNumbers());
        fields.put("purchases_per_hour", s.purchasesPerHour());
        fields.put("purchases_per_day", s.purchasesPerDay());
        fields.put("concurrent_calls", s.concurrentCalls());
        fields.put("calls_per_minute", s.callsPerMinute());
        fields.put("max_call_seconds", s.maxCallSeconds());
        fields.put("allow_international", s.allowInternational());
        fields.put("allow_premium", s.allowPremium());
        fields.put("allowed_prefixes", s.allowedPrefixes());
        return fields;
    }

    private static Integer count(JsonNode patch, String field, Integer before, int min, int max) {
        if (!patch.has(field)) {
            return before;
        }
        JsonNode value = patch.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw new InvalidFieldException(field, "must be an integer " + min + ".." + max + ", or null for the default");
        }
        return value.intValue();
    }

    private static Boolean flag(JsonNode patch, String field, Boolean before) {
        if (!patch.has(field)) {
            return before;
        }
        JsonNode value = patch.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidFieldException(field, "must be true, false or null for the default");
        }
        return value.booleanValue();
    }

    private static List<String> prefixes(JsonNode patch, List<String> before) {
        String field = "allowed_prefixes";
        if (!patch.has(field)) {
            return before;
        }
        JsonNode value = patch.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > MAX_PREFIXES) {
            throw new InvalidFieldException(field, "must be an array of at most " + MAX_PREFIXES + " prefixes, or null for the default");
        }
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode each = value.get(i);
            if (!each.isTextual() || !LimitsConfig.isPrefix(each.textValue())) {
                throw new InvalidFieldException(field + "[" + i + "]", "must be + and 1..15 digits, e.g. +375");
            }
            if (!prefixes.contains(each.textValue())) {
                prefixes.add(each.textValue());
            }
        }
        return prefixes;
    }
}
