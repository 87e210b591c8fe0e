package io.vpbx.admin;

import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the SIP side reads to build its routing table: every number in service at startup (in pages), then
 * single numbers as changes are announced. Never used on the call path.
 */
public final class RoutingSource {
    private static final int PAGE = 5_000;

    private final Transactions transactions;
    private final NumberStore numbers;

    RoutingSource(Transactions transactions, NumberStore numbers) {
        this.transactions = transactions;
        this.numbers = numbers;
    }

    public Optional<NumberRecord> number(String e164) {
        return transactions.inTransaction(tx -> numbers.find(tx, e164));
    }

    /** Calls {@code sink} for every number an account holds, page by page; returns how many. */
    public int numbersInService(Consumer<NumberRecord> sink) {
        int count = 0;
        String after = "";
        while (true) {
            String from = after;
            List<NumberRecord> page = transactions.inTransaction(tx -> numbers.inService(tx, from, PAGE));
            page.forEach(sink);
            count += page.size();
            if (page.size() < PAGE) {
                return count;
            }
            after = page.get(page.size() - 1).e164();
        }
    }
}
