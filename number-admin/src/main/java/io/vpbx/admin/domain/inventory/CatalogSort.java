package io.vpbx.admin.domain.inventory;

import java.util.Locale;

/** Orders of catalog search results; every order ends with the number so that cursors are stable. */
public enum CatalogSort {
    NUMBER,
    PRICE,
    PRICE_DESC,
    CATEGORY_DESC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CatalogSort fromWire(String value) {
        for (CatalogSort sort : values()) {
            if (sort.wireName().equals(value)) {
                return sort;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
