package io.vpbx.admin.service.catalog;

import io.vpbx.admin.domain.price.PriceTable;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.SettingsStore;
import io.vpbx.admin.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fees are stored with each number so that searches filter and sort by price with an index. When the
 * configured price table changes (its fingerprint differs from the one stored), every number is
 * repriced once, at startup, in one transaction.
 */
public final class PriceTableSync {
    private static final Logger log = LoggerFactory.getLogger(PriceTableSync.class);
    private static final String FINGERPRINT = "price_table.fingerprint";

    private final Transactions transactions;
    private final NumberStore numbers;
    private final SettingsStore settings;

    public PriceTableSync(Transactions transactions, NumberStore numbers, SettingsStore settings) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.settings = settings;
    }

    /** Returns how many numbers got new fees (0 when the table did not change). */
    public int sync(PriceTable table) {
        return transactions.inTransaction(tx -> {
            String current = table.fingerprint();
            if (settings.get(tx, FINGERPRINT).filter(current::equals).isPresent()) {
                return 0;
            }
            int changed = numbers.reprice(tx, table);
            settings.put(tx, FINGERPRINT, current);
            if (changed > 0) {
                log.info("price table changed: {} numbers repriced", changed);
            }
            return changed;
        });
    }
}
