package io.vpbx.admin.service.catalog;

import io.vpbx.admin.domain.category.NumberCategory;
import java.util.Map;

/** What an import did: numbers added, numbers that were already in the catalog, and the import's numbers by category. */
public record ImportResult(int imported, int alreadyPresent, Map<NumberCategory, Integer> byCategory) {
    public ImportResult {
        byCategory = Map.copyOf(byCategory);
    }
}
