package io.vpbx.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads typed values out of the merged raw values, collecting a problem for each value that does not
 * parse instead of stopping at the first. A problem names the key, what was expected, the offending text
 * (never a secret's text) and the source of the value.
 */
final class ValueReader {

    private final KeyCatalogue catalogue;
    private final Map<String, SourcedValue> values;
    private final List<String> problems;
    private final Set<String> readKeys = new HashSet<>();

    /**
     * @param values every catalogue key's winning raw value
     * @param problems the shared list problems are added to
     */
    ValueReader(KeyCatalogue catalogue, Map<String, SourcedValue> values, List<String> problems) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.values = Map.copyOf(values);
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * The value of {@code key} read as {@code type}, or {@code null} after recording a problem when the
     * text is not valid. Callers build records only when {@link #valid()} holds.
     */
    <T> T read(String key, ValueType<T> type) {
        ConfigKey known = catalogue.find(key)
                .orElseThrow(() -> new IllegalStateException("key " + key + " is not declared in the defaults file"));
        SourcedValue value = sourced(key);
        readKeys.add(key);
        return type.parse(value.text()).orElseGet(() -> {
            problems.add(key + ": expected " + type.expected() + " but got " + shown(known, value.text())
                    + " (from " + value.source() + ")");
            return null;
        });
    }

    /** Records a problem that spans values, e.g. a maximum below its default. */
    void problem(String key, String message) {
        problems.add(key + ": " + message + " (from " + sourced(key).source() + ")");
    }

    /**
     * Records a problem when {@code key}'s value is below {@code floorKey}'s ("a maximum below its default"); returns
     * whether the pair holds, true too when either value is missing (its own problem is recorded already).
     */
    <T extends Comparable<T>> boolean atLeast(String key, T value, String floorKey, T floor) {
        return ordered(key, value, value != null && floor != null && value.compareTo(floor) < 0, "at least", floorKey, floor);
    }

    /** As {@link #atLeast}, for a value that must not exceed {@code ceilingKey}'s. */
    <T extends Comparable<T>> boolean atMost(String key, T value, String ceilingKey, T ceiling) {
        return ordered(key, value, value != null && ceiling != null && value.compareTo(ceiling) > 0, "at most", ceilingKey,
                ceiling);
    }

    private boolean ordered(String key, Object value, boolean broken, String relation, String boundKey, Object bound) {
        if (broken) {
            problem(key, "expected " + relation + " " + boundKey + " (" + bound + ") but got '" + value + "'");
        }
        return !broken;
    }

    /** Whether no problem has been found so far, by this reader or by the sources before it. */
    boolean valid() {
        return problems.isEmpty();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Keys declared in the defaults file that no typed record has read: a defect of this module. */
    Set<String> unreadKeys() {
        Set<String> unread = new HashSet<>(catalogue.defaults().keySet());
        unread.removeAll(readKeys);
        return unread;
    }

    private SourcedValue sourced(String key) {
        SourcedValue value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no value for key " + key + "; defaults must be merged first");
        }
        return value;
    }

    private static String shown(ConfigKey key, String text) {
        return key.secret() ? "a secret of " + text.length() + " characters" : "'" + text + "'";
    }
}
