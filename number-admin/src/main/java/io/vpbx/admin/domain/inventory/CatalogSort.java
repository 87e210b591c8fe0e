package io.vpbx.admin.domain.inventory;

import io.vpbx.admin.domain.WireNames;

/** Orders of catalog search results; every order ends with the number so that cursors are stable. */
public enum CatalogSort {
    NUMBER,
    PRICE,
    PRICE_DESC,
    CATEGORY_DESC;

    public String wireName() {
        return WireNames.of(this);
    }

    public static CatalogSort fromWire(String value) {
        return WireNames.exact(CatalogSort.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }
}
