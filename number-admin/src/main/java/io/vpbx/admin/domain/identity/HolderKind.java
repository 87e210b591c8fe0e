package io.vpbx.admin.domain.identity;

import io.vpbx.admin.domain.WireNames;

/** Who a document identifies: a natural person or an organization. */
public enum HolderKind {
    PERSON,
    ORGANIZATION;

    /** The name used in data files and on the wire: "person", "organization". */
    public String wireName() {
        return WireNames.of(this);
    }

    public static HolderKind fromWire(String name) {
        return WireNames.exact(HolderKind.class, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown holder kind '" + name + "', expected one of " + WireNames.all(HolderKind.class)));
    }
}
