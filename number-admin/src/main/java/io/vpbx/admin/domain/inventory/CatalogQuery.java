package io.vpbx.admin.domain.inventory;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import java.math.BigDecimal;
import java.util.List;

/**
 * A catalog search over available numbers; null fields mean "any". Digit filters apply to the national
 * number: {@code startsWith} (also the region prefix), {@code endsWith}, {@code contains}, and
 * {@code mask} over the whole national number where {@code *} is any one digit.
 * {@code after} is the cursor: the sort key and number of the last result of the previous page.
 */
public record CatalogQuery(Country country, NumberType type, String startsWith, List<NumberCategory> categories,
                           String endsWith, String contains, String mask, BigDecimal minMonthlyFee,
                           BigDecimal maxMonthlyFee, CatalogSort sort, Cursor after, int limit) {

    public CatalogQuery {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Position after which the next page starts. */
    public record Cursor(String sortKey, String e164) {
    }
}
