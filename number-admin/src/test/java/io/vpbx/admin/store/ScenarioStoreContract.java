package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.scenario.StoredScenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every ScenarioStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC store). */
public interface ScenarioStoreContract extends StoreContract {
    Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    Instant T1 = Instant.parse("2026-12-07T11:30:00Z");

    ScenarioStore scenarios();

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    private static StoredScenario version(String id, String accountId, int version, String name, Instant savedAt) {
        // a definition longer than any VARCHAR default, as a scenario of many steps is
        String steps = "\"s\":{\"type\":\"hangup\",\"code\":480}," + "x".repeat(20_000);
        return new StoredScenario(id, accountId, version, name, "{\"name\":\"" + name + "\",\"v\":" + version + "," + steps + "}",
                T0, savedAt);
    }

    private boolean holds(TxWork<Boolean> question) {
        return inTx(question);
    }

    private void create(StoredScenario first, Set<String> references) {
        inTx(tx -> {
            scenarios().create(tx, first, references);
            return null;
        });
    }

    @Test
    default void aNewVersionBecomesCurrentAndEveryEarlierOneStaysReadable() {
        StoredScenario v1 = version("sc-1", "acc-1", 1, "Main", T0);
        create(v1, Set.of("m-1", "d-1"));
        assertEquals(Optional.of(v1), inTx(tx -> scenarios().find(tx, "acc-1", "sc-1")));
        assertEquals(Optional.of(v1), inTx(tx -> scenarios().lock(tx, "acc-1", "sc-1")));

        StoredScenario v2 = version("sc-1", "acc-1", 2, "Main menu", T1);
        inTx(tx -> {
            scenarios().addVersion(tx, v2, Set.of("m-2"));
            return null;
        });
        assertEquals(Optional.of(v2), inTx(tx -> scenarios().find(tx, "acc-1", "sc-1")));
        assertEquals(Optional.of(v2), inTx(tx -> scenarios().findInAnyAccount(tx, "sc-1")));
        StoredScenario first = inTx(tx -> scenarios().find(tx, "acc-1", "sc-1", 1)).orElseThrow();
        assertEquals(v1.definition(), first.definition(), "version 1 keeps its definition");
        assertEquals(T0, first.savedAt());
        assertEquals(1, first.version());
        assertTrue(inTx(tx -> scenarios().find(tx, "acc-1", "sc-1", 3)).isEmpty());
    }

    @Test
    default void theUsersOfAReferenceAreTheScenariosWhoseCurrentVersionNamesIt() {
        create(version("sc-1", "acc-1", 1, "A", T0), Set.of("m-1", "d-1"));
        create(version("sc-2", "acc-2", 1, "B", T0), Set.of("m-1"));
        assertEquals(List.of(new NumberUser("scenario", "sc-1", "acc-1"), new NumberUser("scenario", "sc-2", "acc-2")),
                inTx(tx -> scenarios().usersOf(tx, "m-1")));
        inTx(tx -> {
            scenarios().addVersion(tx, version("sc-1", "acc-1", 2, "A", T1), Set.of("e-1"));
            return null;
        });
        assertEquals(List.of(new NumberUser("scenario", "sc-2", "acc-2")), inTx(tx -> scenarios().usersOf(tx, "m-1")),
                "version 1 no longer counts once replaced");
        assertEquals(List.of(), inTx(tx -> scenarios().usersOf(tx, "d-1")));
        assertEquals(List.of(new NumberUser("scenario", "sc-1", "acc-1")), inTx(tx -> scenarios().usersOf(tx, "e-1")));
    }

    @Test
    default void anotherAccountsScenarioIsAbsentAndCannotBeDeleted() {
        create(version("sc-1", "acc-1", 1, "A", T0), Set.of());
        assertTrue(inTx(tx -> scenarios().find(tx, "acc-2", "sc-1")).isEmpty());
        assertTrue(inTx(tx -> scenarios().find(tx, "acc-2", "sc-1", 1)).isEmpty());
        assertTrue(inTx(tx -> scenarios().lock(tx, "acc-2", "sc-1")).isEmpty());
        assertFalse(holds(tx -> scenarios().exists(tx, "acc-2", "sc-1")));
        assertTrue(inTx(tx -> scenarios().list(tx, "acc-2", null, 10)).isEmpty());
        assertFalse(holds(tx -> scenarios().delete(tx, "acc-2", "sc-1")));
        assertTrue(holds(tx -> scenarios().exists(tx, "acc-1", "sc-1")));
    }

    @Test
    default void listsPageByIdAtCurrentVersionsAndDeleteRemovesEveryVersion() {
        for (int i = 0; i < 5; i++) {
            create(version("sc-" + i, "acc-1", 1, "S" + i, T0), Set.of("m-" + i));
        }
        create(version("x-1", "acc-2", 1, "X", T0), Set.of());
        inTx(tx -> {
            scenarios().addVersion(tx, version("sc-2", "acc-1", 2, "S2 again", T1), Set.of("m-2"));
            return null;
        });
        List<StoredScenario> all = new ArrayList<>();
        String after = null;
        List<StoredScenario> page;
        do {
            String cursor = after;
            page = inTx(tx -> scenarios().list(tx, "acc-1", cursor, 2));
            all.addAll(page);
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 2);
        assertEquals(List.of("sc-0", "sc-1", "sc-2", "sc-3", "sc-4"), all.stream().map(StoredScenario::id).toList());
        assertEquals(2, all.get(2).version());
        assertEquals("S2 again", all.get(2).name());
        assertEquals(List.of("sc-0", "sc-1", "sc-2", "sc-3", "sc-4", "x-1"),
                inTx(tx -> scenarios().listAllAccounts(tx, null, 10)).stream().map(StoredScenario::id).toList());

        assertTrue(holds(tx -> scenarios().delete(tx, "acc-1", "sc-2")));
        assertTrue(inTx(tx -> scenarios().find(tx, "acc-1", "sc-2")).isEmpty());
        assertTrue(inTx(tx -> scenarios().find(tx, "acc-1", "sc-2", 1)).isEmpty());
        assertEquals(List.of(), inTx(tx -> scenarios().usersOf(tx, "m-2")));
        assertFalse(holds(tx -> scenarios().delete(tx, "acc-1", "sc-2")));
    }

    @Test
    default void aServiceCodeIsFoundInItsAccountAndTakenOnlyOnceThere() {
        StoredScenario first = withCode(version("sc-1", "acc-1", 1, "A", T0), "*12");
        create(first, Set.of());
        create(withCode(version("sc-9", "acc-2", 1, "B", T0), "*12"), Set.of());
        create(version("sc-3", "acc-1", 1, "no code", T0), Set.of());
        create(version("sc-4", "acc-1", 1, "no code either", T0), Set.of());
        assertEquals(Optional.of(first), inTx(tx -> scenarios().findByServiceCode(tx, "acc-1", "*12")));
        assertEquals("sc-9", inTx(tx -> scenarios().findByServiceCode(tx, "acc-2", "*12")).orElseThrow().id());

        ConflictException taken = org.junit.jupiter.api.Assertions.assertThrows(ConflictException.class,
                () -> create(withCode(version("sc-2", "acc-1", 1, "C", T0), "*12"), Set.of()));
        assertEquals("service_code", taken.field());
        org.junit.jupiter.api.Assertions.assertThrows(ConflictException.class, () -> inTx(tx -> {
            scenarios().addVersion(tx, withCode(version("sc-3", "acc-1", 2, "no code", T1), "*12"), Set.of());
            return null;
        }));

        inTx(tx -> {
            scenarios().addVersion(tx, version("sc-1", "acc-1", 2, "A", T1), Set.of());
            return null;
        });
        assertTrue(inTx(tx -> scenarios().findByServiceCode(tx, "acc-1", "*12")).isEmpty(), "version 2 dropped the code");
    }

    private static StoredScenario withCode(StoredScenario scenario, String code) {
        return new StoredScenario(scenario.id(), scenario.accountId(), scenario.version(), scenario.name(),
                scenario.definition(), scenario.createdAt(), scenario.savedAt(), code);
    }
}
