package io.vpbx.admin.service;

import java.util.Set;

/** A merge-patch: the {@code fields} named (wire names) take their values from {@code values}; null clears. */
public record Patch<D>(Set<String> fields, D values) {
    public Patch {
        fields = Set.copyOf(fields);
    }

    public boolean sets(String field) {
        return fields.contains(field);
    }
}
