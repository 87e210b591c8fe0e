/**
 * Prices of numbers by country, type, region and category, read from
 * {@code catalog/price-table.csv}. A table is immutable and carries a fingerprint, so a store can
 * tell when the prices it recorded came from an older table.
 */
package io.vpbx.admin.domain.price;
