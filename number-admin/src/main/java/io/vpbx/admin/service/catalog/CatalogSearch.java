package io.vpbx.admin.service.catalog;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.inventory.CatalogQuery;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;

/** Searching available numbers; open to every authenticated caller. */
public final class CatalogSearch {
    private final Transactions transactions;
    private final NumberStore numbers;

    public CatalogSearch(Transactions transactions, NumberStore numbers) {
        this.transactions = transactions;
        this.numbers = numbers;
    }

    public List<NumberRecord> search(CatalogQuery query) {
        if (query.minMonthlyFee() != null && query.maxMonthlyFee() != null
                && query.minMonthlyFee().compareTo(query.maxMonthlyFee()) > 0) {
            throw new InvalidFieldException("max_monthly_fee", "must not be below min_monthly_fee");
        }
        return transactions.inTransaction(tx -> numbers.search(tx, query));
    }
}
