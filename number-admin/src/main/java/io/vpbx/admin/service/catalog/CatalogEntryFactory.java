package io.vpbx.admin.service.catalog;

import io.vpbx.admin.domain.category.CategoryClassifier;
import io.vpbx.admin.domain.category.Classification;
import io.vpbx.admin.domain.inventory.CatalogEntry;
import io.vpbx.admin.domain.number.PhoneNumber;
import io.vpbx.admin.domain.price.PriceTable;

/** Classifies and prices a number as it enters the catalog. */
public final class CatalogEntryFactory {
    private final CategoryClassifier classifier;
    private final PriceTable prices;

    public CatalogEntryFactory(CategoryClassifier classifier, PriceTable prices) {
        this.classifier = classifier;
        this.prices = prices;
    }

    public CatalogEntry entry(PhoneNumber number) {
        Classification classification = classifier.classify(number);
        return new CatalogEntry(number, classification,
                prices.priceOf(number.country(), number.type(), number.region(), classification.category()));
    }

    public PriceTable prices() {
        return prices;
    }
}
