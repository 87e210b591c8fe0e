package io.vpbx.admin.domain.identity;

import io.vpbx.admin.domain.WireName;

/** Who a document identifies: a natural person or an organization. */
public enum HolderKind implements WireName {
    PERSON,
    ORGANIZATION;

    public static HolderKind fromWire(String name) {
        return WireName.exact(HolderKind.class, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown holder kind '" + name + "', expected one of " + WireName.all(HolderKind.class)));
    }
}
