package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.inventory.CatalogQuery;
import io.vpbx.admin.domain.inventory.CatalogSort;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogSearchSqlTest {
    private final CatalogSearchSql sql = new CatalogSearchSql();

    private String where(String startsWith, String endsWith, String mask) {
        return sql.build(new CatalogQuery(null, null, startsWith, List.of(), endsWith, null, mask, null, null,
                CatalogSort.NUMBER, null, 10), "e164").sql();
    }

    @Test
    void prefixesOfEachOtherNarrowToTheLongerOne() {
        assertEquals("4951", CatalogSearchSql.narrower("495", "4951"));
        assertEquals("4951", CatalogSearchSql.narrower("4951", "495"));
        assertEquals("495", CatalogSearchSql.narrower(null, "495"));
        assertNull(CatalogSearchSql.narrower("495", "499"), "contradicting prefixes match nothing");
    }

    @Test
    void aMaskAddsIndexRangesForItsFixedHeadAndTail() {
        String sql = where(null, null, "495****777");
        assertTrue(sql.contains("national >= ?") && sql.contains("national < ?"), sql);
        assertTrue(sql.contains("national_rev >= ?") && sql.contains("national_rev < ?"), sql);
        assertTrue(sql.contains("national LIKE ?"), sql);
    }

    @Test
    void contradictionsBetweenMaskAndFiltersMatchNothing() {
        assertTrue(where("499", null, "495****777").contains("1 = 0"));
        assertTrue(where(null, "1777", "495****777").contains("1 = 0") == false, "...1777 and ...777 agree");
        assertTrue(where(null, "8777", "495***1777").contains("1 = 0"));
    }
}
