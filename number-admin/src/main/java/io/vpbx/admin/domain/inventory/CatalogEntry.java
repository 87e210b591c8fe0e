package io.vpbx.admin.domain.inventory;

import io.vpbx.admin.domain.category.Classification;
import io.vpbx.admin.domain.number.PhoneNumber;
import io.vpbx.admin.domain.price.Price;

/** A number ready to enter the catalog: normalised, classified and priced. */
public record CatalogEntry(PhoneNumber number, Classification classification, Price price) {
}
