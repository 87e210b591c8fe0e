package io.vpbx.admin.domain.identity;

import java.util.Arrays;
import java.util.Locale;

/** Who a document identifies: a natural person or an organization. */
public enum HolderKind {
    PERSON,
    ORGANIZATION;

    /** The name used in data files and on the wire: "person", "organization". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HolderKind fromWire(String name) {
        for (HolderKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown holder kind '" + name + "', expected one of "
                + Arrays.stream(values()).map(HolderKind::wireName).toList());
    }
}
