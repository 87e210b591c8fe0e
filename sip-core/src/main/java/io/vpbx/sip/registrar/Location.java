package io.vpbx.sip.registrar;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Immutable snapshot of the location service: address-of-record to its bindings. Changes return a new
 * snapshot that shares untouched entries with this one; readers never lock.
 */
public final class Location {

    private static final Location EMPTY = new Location(Map.of());

    private final Map<String, List<ContactBinding>> bindings;

    private Location(Map<String, List<ContactBinding>> bindings) {
        this.bindings = bindings;
    }

    public static Location empty() {
        return EMPTY;
    }

    /** All stored bindings of the AOR, expired or not, in registration order. */
    public List<ContactBinding> bindings(String aor) {
        return bindings.getOrDefault(aor, List.of());
    }

    /** Bindings of the AOR still live at {@code now}, highest q first (RFC 3261 section 16.6). */
    public List<ContactBinding> lookup(String aor, Instant now) {
        return bindings(aor).stream()
                .filter(binding -> binding.isLiveAt(now))
                .sorted(Comparator.comparingDouble(ContactBinding::q).reversed())
                .collect(Collectors.toUnmodifiableList());
    }

    /** How many bindings are stored, expired ones not yet pruned included. */
    public int bindingCount() {
        return bindings.values().stream().mapToInt(List::size).sum();
    }

    public Set<String> addressesOfRecord() {
        return bindings.keySet();
    }

    /** A snapshot where the AOR has exactly {@code aorBindings}; an empty list removes the AOR. */
    public Location withBindings(String aor, List<ContactBinding> aorBindings) {
        Objects.requireNonNull(aor, "aor");
        Map<String, List<ContactBinding>> copy = new HashMap<>(bindings);
        if (aorBindings.isEmpty()) {
            copy.remove(aor);
        } else {
            copy.put(aor, List.copyOf(aorBindings));
        }
        return new Location(Map.copyOf(copy));
    }

    /** A snapshot without the bindings expired at {@code now}; this one if nothing expired. */
    public Location withoutExpired(Instant now) {
        Map<String, List<ContactBinding>> copy = new HashMap<>();
        boolean changed = false;
        for (Map.Entry<String, List<ContactBinding>> entry : bindings.entrySet()) {
            List<ContactBinding> live = entry.getValue().stream()
                    .filter(binding -> binding.isLiveAt(now))
                    .collect(Collectors.toUnmodifiableList());
            changed |= live.size() != entry.getValue().size();
            if (!live.isEmpty()) {
                copy.put(entry.getKey(), live);
            }
        }
        return changed ? new Location(Map.copyOf(copy)) : this;
    }
}
