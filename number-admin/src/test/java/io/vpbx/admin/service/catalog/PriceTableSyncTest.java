package io.vpbx.admin.service.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.PriceTables;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.category.CategoryClassifier;
import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.domain.price.PriceRule;
import io.vpbx.admin.domain.price.PriceTable;
import io.vpbx.admin.store.jdbc.JdbcNumberStore;
import io.vpbx.admin.store.jdbc.JdbcSettingsStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stored fees follow the configured price table: a changed table reprices every number once. */
class PriceTableSyncTest {

    @Test
    void aChangedTableRepricesStoredNumbersOnce() {
        PhoneNumberParser parser = new PhoneNumberParser();
        JdbcNumberStore numbers = new JdbcNumberStore(JsonMappers.create(), new ForwardingCodec(JsonMappers.create(), parser));
        PriceTable original = PriceTables.load(Optional.empty());
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            PriceTableSync sync = new PriceTableSync(db.database(), numbers, new JdbcSettingsStore());
            CatalogEntryFactory entries = new CatalogEntryFactory(CategoryClassifier.bundled(), original);
            db.database().inTransaction(tx -> numbers.importEntries(tx,
                    List.of(entries.entry(parser.parse("+74951230001")), entries.entry(parser.parse("+78121230001"))), Instant.now()));
            sync.sync(original);
            assertEquals(0, sync.sync(original), "an unchanged table reprices nothing");

            List<PriceRule> rules = new ArrayList<>();
            for (PriceRule rule : original.rules()) {
                boolean moscowRegular = rule.regionPrefix().equals("495") && rule.category() == NumberCategory.REGULAR;
                rules.add(!moscowRegular ? rule : new PriceRule(rule.country(), rule.type(), rule.regionPrefix(), rule.category(),
                        new io.vpbx.admin.domain.price.Price(rule.price().connectionFee(),
                                new io.vpbx.admin.domain.price.Money(new BigDecimal("999.00"), rule.price().monthlyFee().currency()))));
            }
            PriceTable changed = new PriceTable(rules);
            assertTrue(sync.sync(changed) >= 1);
            NumberRecord moscow = db.database().inTransaction(tx -> numbers.find(tx, "+74951230001")).orElseThrow();
            NumberRecord petersburg = db.database().inTransaction(tx -> numbers.find(tx, "+78121230001")).orElseThrow();
            assertEquals(0, new BigDecimal("999.00").compareTo(moscow.price().monthlyFee().amount()));
            assertEquals(original.priceOf(petersburg.country(), petersburg.type(), "812", petersburg.category()), petersburg.price());
            assertEquals(0, sync.sync(changed));
        }
    }
}
