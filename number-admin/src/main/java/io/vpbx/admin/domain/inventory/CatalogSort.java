package io.vpbx.admin.domain.inventory;

import io.vpbx.admin.domain.WireName;

/** Orders of catalog search results; every order ends with the number so that cursors are stable. */
public enum CatalogSort implements WireName {
    NUMBER,
    PRICE,
    PRICE_DESC,
    CATEGORY_DESC;

    public static CatalogSort fromWire(String value) {
        return WireName.exact(CatalogSort.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }
}
