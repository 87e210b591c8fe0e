package io.vpbx.admin.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How enum constants stand on the wire, in data files and in the database: the constant's name in lower case
 * ("toll_free"). Reading such a name back is exact (what vpbx wrote itself) or lenient (what a person typed:
 * trimmed, any case); each enum says what it refuses with.
 */
public final class WireNames {
    private WireNames() {
    }

    /** {@code constant}'s wire name: its name in lower case. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} whose wire name is {@code name}; empty for null or an unknown name. */
    public static <E extends Enum<E>> Optional<E> exact(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(name)).findFirst();
    }

    /** As {@link #exact}, after trimming {@code name} and in any case. */
    public static <E extends Enum<E>> Optional<E> lenient(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equalsIgnoreCase(wanted)).findFirst();
    }

    /** The wire names of {@code type}'s constants in declaration order, for a refusal to list. */
    public static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList();
    }
}
