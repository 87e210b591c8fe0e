package io.vpbx.admin.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants stand on the wire, in data files and in the database by their names in lower case
 * ("toll_free"). Reading such a name back is exact (what vpbx wrote itself) or lenient (what a person typed:
 * trimmed, any case); each enum says what it refuses with.
 */
public interface WireName {
    /** The constant's name, as {@link Enum#name()} gives it. */
    String name();

    /** The name used on the wire and in storage: the constant's name in lower case. */
    default String wireName() {
        return lower(name());
    }

    /** The constant of {@code type} whose wire name is {@code name}; empty for null or an unknown name. */
    static <E extends Enum<E>> Optional<E> exact(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> lower(constant.name()).equals(name)).findFirst();
    }

    /** As {@link #exact}, after trimming {@code name} and in any case. */
    static <E extends Enum<E>> Optional<E> lenient(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(type.getEnumConstants()).filter(constant -> lower(constant.name()).equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The wire names of {@code type}'s constants in declaration order, for a refusal to list. */
    static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(constant -> lower(constant.name())).toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
