package io.vpbx.admin.service;

import io.vpbx.admin.domain.InvalidFieldException;
import java.util.Set;

/** A merge-patch: the {@code fields} named (wire names) take their values from {@code values}; null clears. */
public record Patch<D>(Set<String> fields, D values) {
    public Patch {
        fields = Set.copyOf(fields);
    }

    public boolean sets(String field) {
        return fields.contains(field);
    }

    /** A patch that sets nothing is refused on "body" with {@code complaint}, e.g. "must set at least one of name, ...". */
    public void requireSome(String complaint) {
        if (fields.isEmpty()) {
            throw new InvalidFieldException("body", complaint);
        }
    }
}
