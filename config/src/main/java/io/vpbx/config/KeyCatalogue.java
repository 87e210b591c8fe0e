package io.vpbx.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The known configuration keys, read from the documented defaults file. The defaults file is the one
 * list of keys: anything not declared there is rejected, and every key there must carry a comment.
 */
final class KeyCatalogue {

    static final String DEFAULTS_RESOURCE = "/vpbx-defaults.properties";
    static final String DEFAULTS_SOURCE = "defaults";

    /** Keys whose values are never shown in logs, help text or error messages. */
    private static final Set<String> SECRETS = Set.of("db.password", "operator.key", "mail.password", "compliance.document-keys",
            "compliance.fingerprint-key", "sip.route-secret",
            "sms.smpp.password", "sms.http.token");

    private final Map<String, ConfigKey> byName;
    private final Map<String, ConfigKey> byEnvName;

    private KeyCatalogue(Map<String, ConfigKey> byName, Map<String, ConfigKey> byEnvName) {
        this.byName = Collections.unmodifiableMap(byName);
        this.byEnvName = Map.copyOf(byEnvName);
    }

    /** Reads the defaults file bundled with vpbx. */
    static KeyCatalogue bundled() {
        try (InputStream in = KeyCatalogue.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    /**
     * Parses defaults text. A broken defaults file is a build defect, not an operator error, so it fails
     * with {@link IllegalStateException}.
     */
    static KeyCatalogue parse(String text, String origin) {
        PropertiesText parsed = PropertiesText.parse(text);
        if (!parsed.malformed().isEmpty()) {
            PropertiesText.Malformed first = parsed.malformed().get(0);
            throw new IllegalStateException(origin + " line " + first.line() + ": expected key=value but got '"
                    + first.text() + "'");
        }
        Map<String, ConfigKey> byName = new LinkedHashMap<>();
        Map<String, ConfigKey> byEnvName = new HashMap<>();
        for (PropertiesText.Entry entry : parsed.entries()) {
            if (entry.comment().isBlank()) {
                throw new IllegalStateException(origin + " line " + entry.line() + ": key " + entry.key()
                        + " has no comment sentence above it");
            }
            ConfigKey key = new ConfigKey(entry.key(), entry.value(), entry.comment(), SECRETS.contains(entry.key()));
            if (byName.putIfAbsent(key.name(), key) != null) {
                throw new IllegalStateException(origin + ": key " + key.name() + " is declared twice");
            }
            ConfigKey clash = byEnvName.putIfAbsent(key.envName(), key);
            if (clash != null) {
                throw new IllegalStateException(origin + ": keys " + clash.name() + " and " + key.name()
                        + " both map to environment variable " + key.envName());
            }
        }
        return new KeyCatalogue(byName, byEnvName);
    }

    /** All keys in the order of the defaults file. */
    List<ConfigKey> keys() {
        return List.copyOf(byName.values());
    }

    Optional<ConfigKey> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Optional<ConfigKey> findByEnvName(String envName) {
        return Optional.ofNullable(byEnvName.get(envName));
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Every key's default text, marked as coming from the defaults. */
    Map<String, SourcedValue> defaults() {
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        byName.values().forEach(key -> values.put(key.name(), new SourcedValue(key.defaultValue(), DEFAULTS_SOURCE)));
        return values;
    }
}
