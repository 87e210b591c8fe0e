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
        // A mask's fixed head and tail are ranges too: 495****777 reads the index for 495 and for ...777.
        String head = q.mask() == null ? null : fixedHead(q.mask());
        String tail = q.mask() == null ? null : fixedTail(q.mask());
        String prefix = narrower(q.startsWith(), head);
        String suffix = reverse(narrower(reverse(q.endsWith()), reverse(tail)));
        if (prefix == null && q.startsWith() != null || suffix == null && q.endsWith() != null) {
            filter.raw("1 = 0");
        }
        prefixRange(filter, "national", prefix);
        prefixRange(filter, "national_rev", reverse(suffix));
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
            case NUMBER -> "national, e164";
            case PRICE -> "monthly_fee, e164";
            case PRICE_DESC -> "monthly_fee DESC, e164";
            case CATEGORY_DESC -> "category_rank DESC, e164";
        };
        // The page's numbers first (index-only where an index covers the filters), then only their rows.
        String sql = "SELECT " + columns + " FROM numbers WHERE e164 IN (SELECT e164 FROM numbers" + filter.sql()
                + " ORDER BY " + order + " LIMIT ?) ORDER BY " + order;
        return new Statement(sql, filter, q.limit());
    }

    private static void cursor(SqlFilter filter, CatalogSort sort, CatalogQuery.Cursor after) {
        switch (sort) {
            case NUMBER -> filter.raw("(national, e164) > (?, ?)", after.sortKey(), after.e164());
            case PRICE -> filter.raw("(monthly_fee, e164) > (?, ?)", new BigDecimal(after.sortKey()), after.e164());
            case PRICE_DESC -> filter.raw("(monthly_fee < ? OR (monthly_fee = ? AND e164 > ?))",
                    new BigDecimal(after.sortKey()), new BigDecimal(after.sortKey()), after.e164());
            case CATEGORY_DESC -> filter.raw("(category_rank < ? OR (category_rank = ? AND e164 > ?))",
                    Integer.parseInt(after.sortKey()), Integer.parseInt(after.sortKey()), after.e164());
        }
    }

    private static String reverse(String digits) {
        return digits == null ? null : new StringBuilder(digits).reverse().toString();
    }

    /** The digits before the mask's first '*' (the whole mask when it has none). */
    private static String fixedHead(String mask) {
        int star = mask.indexOf('*');
        return star < 0 ? mask : mask.substring(0, star);
    }

    /** The digits after the mask's last '*'. */
    private static String fixedTail(String mask) {
        return mask.substring(mask.lastIndexOf('*') + 1);
    }

    /**
     * The longer of two digit prefixes when one extends the other (both must hold); null when they
     * contradict, which the caller turns into "no result". Either may be null or empty for "none".
     */
    static String narrower(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null || b.isEmpty() ? null : b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        if (a.startsWith(b)) {
            return a;
        }
        return b.startsWith(a) ? b : null;
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
