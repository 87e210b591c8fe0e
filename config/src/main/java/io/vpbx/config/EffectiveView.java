package io.vpbx.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The effective configuration as the server logs it at startup: every key with its winning value and
 * where that value came from, secrets masked.
 */
final class EffectiveView {

    private EffectiveView() {
    }

    /**
     * Key to {@code "value (from source)"} in defaults-file order, e.g.
     * {@code admin.port -> "8081 (from flag --admin.port)"} or {@code db.password -> "**** (from env VPBX_DB_PASSWORD)"}.
     */
    static Map<String, String> of(KeyCatalogue catalogue, Map<String, SourcedValue> merged) {
        Map<String, String> view = new LinkedHashMap<>();
        for (ConfigKey key : catalogue.keys()) {
            SourcedValue value = merged.get(key.name());
            view.put(key.name(), shown(key, value.text()) + " (from " + value.source() + ")");
        }
        return Collections.unmodifiableMap(view);
    }

    private static String shown(ConfigKey key, String text) {
        if (key.secret()) {
            return text.isEmpty() ? "\"\"" : SecretMask.MASK;
        }
        if (key.name().endsWith(".url")) {
            text = SecretMask.url(text);
        }
        return text.isEmpty() ? "\"\"" : text;
    }
}
