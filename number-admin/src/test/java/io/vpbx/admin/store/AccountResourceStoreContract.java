package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountResourceStore} must do, whatever it keeps: reads by id see only the account's own,
 * lists page by id, a delete reports whether it found one. A resource's contract extends this one with what
 * is its own; two accounts, acc-1 and acc-2, exist before each test.
 */
public interface AccountResourceStoreContract<T> extends StoreContract {
    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** The store under test, seen as a store of account resources. */
    AccountResourceStore<T> resources();

    /** A valid resource; {@code n} tells apart what must be unique (an extension, a SIP username). */
    T resource(String id, String accountId, int n);

    String idOf(T resource);

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    default void create(T resource) {
        inTx(tx -> {
            resources().create(tx, resource);
            return null;
        });
    }

    default Optional<T> find(String accountId, String id) {
        return inTx(tx -> resources().find(tx, accountId, id));
    }

    default boolean holds(TxWork<Boolean> question) {
        return inTx(question);
    }

    @Test
    default void anotherAccountsResourceIsAbsent() {
        create(resource("r-1", "acc-1", 1));
        assertTrue(find("acc-2", "r-1").isEmpty());
        assertTrue(inTx(tx -> resources().lock(tx, "acc-2", "r-1")).isEmpty());
        assertTrue(inTx(tx -> resources().list(tx, "acc-2", null, 10)).isEmpty());
        assertFalse(holds(tx -> resources().delete(tx, "acc-2", "r-1")));
        assertTrue(find("acc-1", "r-1").isPresent(), "a delete for another account leaves the resource alone");
    }

    @Test
    default void listPagesThroughOneAccountByIdAndDeleteRemoves() {
        for (int i = 0; i < 5; i++) {
            create(resource("r-" + i, "acc-1", i));
        }
        create(resource("x-1", "acc-2", 9));
        List<String> ids = new ArrayList<>();
        String after = null;
        List<T> page;
        do {
            String cursor = after;
            page = inTx(tx -> resources().list(tx, "acc-1", cursor, 2));
            page.forEach(r -> ids.add(idOf(r)));
            after = page.isEmpty() ? null : idOf(page.get(page.size() - 1));
        } while (page.size() == 2);
        assertEquals(List.of("r-0", "r-1", "r-2", "r-3", "r-4"), ids);
        assertTrue(holds(tx -> resources().delete(tx, "acc-1", "r-3")));
        assertTrue(find("acc-1", "r-3").isEmpty());
        assertEquals(4, inTx(tx -> resources().list(tx, "acc-1", null, 10)).size());
    }
}
