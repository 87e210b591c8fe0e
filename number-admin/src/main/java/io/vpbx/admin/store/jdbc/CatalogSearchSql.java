package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.inventory.CatalogQuery;
import io.vpbx.admin.domain.inventory.CatalogSort;
import java.math.BigDecimal;

/**
 * Turns a catalog query into SQL. Digit prefixes become index range scans ({@code national >= '495'
 * AND national < '496'}), suffixes the same on the reversed number, so "starts with" and "ends with"
 * use indexes in any collation; masks and "contains" filter what the ranges leave.
 */
final class CatalogSearchSql {

    record Statement(String sql, SqlFilter filter, int limit) {
        void bind(java.sql.PreparedStatement st) throws java.sql.SQLException {
            st.setInt(filter.bind(st, 1), limit);
        }
    }

    Statement build(CatalogQuery q, String columns) {
        SqlFilter filter = new SqlFilter().eq("state", "available")
                .eq("country", q.country() == null ? null : q.country().name())
                .eq("number_type", q.type() == null ? null : q.type().wireName());
        prefixRange(filter, "national", q.startsWith());
        prefixRange(filter, "national_rev", q.endsWith() == null ? null : new StringBuilder(q.endsWith()).reverse().toString());
        filter.in("category", q.categories().stream().map(c -> c.wireName()).toList())
                .like("national", q.contains() == null ? null : "%" + q.contains() + "%")
                .like("national", q.mask() == null ? null : q.mask().replace('*', '_'))
                .atLeast("monthly_fee", q.minMonthlyFee())
                .atMost("monthly_fee", q.maxMonthlyFee());
        CatalogSort sort = q.sort() == null ? CatalogSort.NUMBER : q.sort();
        if (q.after() != null) {
            cursor(filter, sort, q.after());
        }
        String order = switch (sort) {
            case NUMBER -> "e164";
            case PRICE -> "monthly_fee, e164";
            case PRICE_DESC -> "monthly_fee DESC, e164";
            case CATEGORY_DESC -> "category_rank DESC, e164";
        };
        String sql = "SELECT " + columns + " FROM numbers" + filter.sql() + " ORDER BY " + order + " LIMIT ?";
        return new Statement(sql, filter, q.limit());
    }

    private static void cursor(SqlFilter filter, CatalogSort sort, CatalogQuery.Cursor after) {
        switch (sort) {
            case NUMBER -> filter.above("e164", after.e164());
            case PRICE -> filter.raw("(monthly_fee > ? OR (monthly_fee = ? AND e164 > ?))",
                    new BigDecimal(after.sortKey()), new BigDecimal(after.sortKey()), after.e164());
            case PRICE_DESC -> filter.raw("(monthly_fee < ? OR (monthly_fee = ? AND e164 > ?))",
                    new BigDecimal(after.sortKey()), new BigDecimal(after.sortKey()), after.e164());
            case CATEGORY_DESC -> filter.raw("(category_rank < ? OR (category_rank = ? AND e164 > ?))",
                    Integer.parseInt(after.sortKey()), Integer.parseInt(after.sortKey()), after.e164());
        }
    }

    /** {@code column} starts with {@code digits}: [digits, digits+1) as strings, e.g. 4959 -> [4959, 496). */
    private static void prefixRange(SqlFilter filter, String column, String digits) {
        if (digits == null || digits.isEmpty()) {
            return;
        }
        filter.atLeast(column, digits);
        String upper = digits.replaceAll("9+$", "");
        if (!upper.isEmpty()) {
            char last = upper.charAt(upper.length() - 1);
            filter.below(column, upper.substring(0, upper.length() - 1) + (char) (last + 1));
        }
    }
}
