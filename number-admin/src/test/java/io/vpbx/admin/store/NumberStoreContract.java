package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.PriceTables;
import io.vpbx.admin.domain.category.CategoryClassifier;
import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.inventory.CatalogEntry;
import io.vpbx.admin.domain.inventory.CatalogQuery;
import io.vpbx.admin.domain.inventory.CatalogSort;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.inventory.OwnedNumbersQuery;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.domain.price.PriceTable;
import io.vpbx.admin.service.catalog.CatalogEntryFactory;
import io.vpbx.telephony.forwarding.Fallback;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every NumberStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface NumberStoreContract extends StoreContract {
    NumberStore numbers();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    PhoneNumberParser PARSER = new PhoneNumberParser();
    PriceTable PRICES = PriceTables.load(Optional.empty());
    CatalogEntryFactory ENTRIES = new CatalogEntryFactory(CategoryClassifier.bundled(), PRICES);

    private int importRange(long fromNational, int count) {
        List<CatalogEntry> list = new ArrayList<>();
        for (long n = fromNational; n < fromNational + count; n++) {
            list.add(ENTRIES.entry(PARSER.parse("+7" + n)));
        }
        return inTx(tx -> numbers().importEntries(tx, list, T0));
    }

    private List<NumberRecord> search(CatalogQuery query) {
        return inTx(tx -> numbers().search(tx, query));
    }

    private static CatalogQuery query(String startsWith, String endsWith, String contains, String mask) {
        return new CatalogQuery(Country.RU, NumberType.CITY, startsWith, List.of(), endsWith, contains, mask, null, null,
                CatalogSort.NUMBER, null, 1000);
    }

    @Test
    default void importAddsNewNumbersAndSkipsPresentOnes() {
        assertEquals(1200, importRange(4951230000L, 1200));
        assertEquals(200, importRange(4951231000L, 400), "only the 200 numbers beyond the first range are new");
        NumberRecord stored = inTx(tx -> numbers().find(tx, "+74951230777")).orElseThrow();
        assertEquals(NumberState.AVAILABLE, stored.state());
        assertEquals("495", stored.region());
        assertEquals(NumberType.CITY, stored.type());
        assertEquals(ENTRIES.entry(PARSER.parse("+74951230777")).classification().category(), stored.category());
        assertEquals(PRICES.priceOf(Country.RU, NumberType.CITY, "495", stored.category()), stored.price());
    }

    @Test
    default void digitFiltersSelectByPrefixSuffixContainsAndMask() {
        importRange(4951230000L, 2000);
        assertEquals(1000, search(query("4951231", null, null, null)).size());
        List<NumberRecord> endsWith77 = search(query(null, "77", null, null));
        assertEquals(20, endsWith77.size());
        assertTrue(endsWith77.stream().allMatch(r -> r.national().endsWith("77")));
        List<NumberRecord> contains = search(query(null, null, "3177", null));
        assertTrue(contains.stream().allMatch(r -> r.national().contains("3177")));
        assertEquals(10, contains.size(), "4951231770..79 only");
        List<NumberRecord> masked = search(query(null, null, null, "495123*00*"));
        assertEquals(20, masked.size());
        assertTrue(masked.stream().allMatch(r -> r.national().matches("495123\\d00\\d")));
    }

    @Test
    default void prefixRangeHandlesTrailingNines() {
        importRange(4951239990L, 20);
        List<NumberRecord> found = search(query("495123999", null, null, null));
        assertEquals(10, found.size());
        assertEquals("+74951239990", found.get(0).e164());
    }

    @Test
    default void categoryPriceFiltersAndSortsWithStableCursorPages() {
        importRange(4951230000L, 3000);
        BigDecimal cheapest = search(new CatalogQuery(Country.RU, null, null, List.of(), null, null, null, null, null,
                CatalogSort.PRICE, null, 1)).get(0).price().monthlyFee().amount();
        List<NumberRecord> all = new ArrayList<>();
        CatalogQuery.Cursor cursor = null;
        do {
            List<NumberRecord> page = search(new CatalogQuery(Country.RU, null, null, List.of(), null, null, null,
                    null, null, CatalogSort.CATEGORY_DESC, cursor, 700));
            all.addAll(page);
            NumberRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
            cursor = page.size() < 700 ? null : new CatalogQuery.Cursor(Integer.toString(last.category().ordinal()), last.e164());
        } while (cursor != null);
        assertEquals(3000, all.size());
        assertEquals(3000, all.stream().map(NumberRecord::e164).distinct().count(), "pages neither repeat nor skip");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).category().compareTo(all.get(i).category()) >= 0, "most beautiful first");
        }
        List<NumberRecord> regular = search(new CatalogQuery(Country.RU, null, null, List.of(NumberCategory.REGULAR), null, null,
                null, cheapest, cheapest, CatalogSort.NUMBER, null, 5000));
        assertTrue(regular.stream().allMatch(r -> r.category() == NumberCategory.REGULAR
                && r.price().monthlyFee().amount().compareTo(cheapest) == 0));
        assertTrue(regular.size() > 1000, "most numbers of a plain range are regular");
    }

    @Test
    default void numberOrderPagesWalkTheWholeRangeOnce() {
        importRange(4951230000L, 1000);
        List<String> seen = new ArrayList<>();
        CatalogQuery.Cursor cursor = null;
        do {
            List<NumberRecord> page = search(new CatalogQuery(Country.RU, NumberType.CITY, "495123", List.of(), null, null,
                    null, null, null, CatalogSort.NUMBER, cursor, 300));
            page.forEach(r -> seen.add(r.e164()));
            NumberRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
            cursor = page.size() < 300 ? null : new CatalogQuery.Cursor(last.national(), last.e164());
        } while (cursor != null);
        assertEquals(1000, seen.size());
        assertEquals(seen.stream().sorted().toList(), seen);
        assertEquals(1000, seen.stream().distinct().count());
    }

    @Test
    default void searchShowsOnlyAvailableNumbersAndSaveKeepsSettings() {
        importRange(4951230000L, 10);
        Instant later = T0.plus(1, ChronoUnit.HOURS);
        inTx(tx -> {
            accounts().create(tx, new io.vpbx.admin.domain.account.Account("acc-1", "Acme", T0));
            NumberRecord record = numbers().lock(tx, List.of("+74951230001")).get(0);
            numbers().save(tx, record.withState(NumberState.ACTIVE, later).withReservation("acc-1", null, null)
                    .withSettings("reception", new Forwarding(new ForwardingTarget.Employee("emp-1"), 25), new Fallback.HangUp(486)));
            return null;
        });
        assertEquals(9, search(query("495123", null, null, null)).size());
        NumberRecord saved = inTx(tx -> numbers().find(tx, "+74951230001")).orElseThrow();
        assertEquals(NumberState.ACTIVE, saved.state());
        assertEquals("reception", saved.comment());
        assertEquals(new Forwarding(new ForwardingTarget.Employee("emp-1"), 25), saved.forwarding());
        assertEquals(new Fallback.HangUp(486), saved.fallback());
        assertEquals(later, saved.stateChangedAt());
        List<NumberRecord> owned = inTx(tx -> numbers().listOwned(tx,
                new OwnedNumbersQuery("acc-1", null, null, null, null, "employee", "recep", null, 10)));
        assertEquals(List.of("+74951230001"), owned.stream().map(NumberRecord::e164).toList());
        assertEquals(1, inTx(tx -> numbers().forwardingUsers(tx, "emp-1")).size());
    }

    @Test
    default void aScheduledForwardingReadsBackAndNamesItsScheduleAndClosedTarget() {
        importRange(4951230000L, 2);
        Forwarding scheduled = new Forwarding(new ForwardingTarget.Department("dep-1"), 20,
                new io.vpbx.admin.domain.forwarding.ForwardingSchedule("sch-1", new ForwardingTarget.Employee("emp-9")));
        Forwarding toFallback = new Forwarding(new ForwardingTarget.Employee("emp-1"), 30,
                new io.vpbx.admin.domain.forwarding.ForwardingSchedule("sch-1", null));
        inTx(tx -> {
            accounts().create(tx, new io.vpbx.admin.domain.account.Account("acc-1", "Acme", T0));
            List<NumberRecord> records = numbers().lock(tx, List.of("+74951230000", "+74951230001"));
            numbers().save(tx, records.get(0).withState(NumberState.ACTIVE, T0).withReservation("acc-1", null, null)
                    .withSettings(null, scheduled, null));
            numbers().save(tx, records.get(1).withState(NumberState.ACTIVE, T0).withReservation("acc-1", null, null)
                    .withSettings(null, toFallback, null));
            return null;
        });
        assertEquals(scheduled, inTx(tx -> numbers().find(tx, "+74951230000")).orElseThrow().forwarding());
        assertEquals(toFallback, inTx(tx -> numbers().find(tx, "+74951230001")).orElseThrow().forwarding());
        assertEquals(List.of(new NumberUser("forwarding of number", "+74951230000", "acc-1"),
                new NumberUser("forwarding of number", "+74951230001", "acc-1")), inTx(tx -> numbers().scheduleUsers(tx, "sch-1")));
        assertEquals(List.of(new NumberUser("forwarding of number", "+74951230000", "acc-1")),
                inTx(tx -> numbers().forwardingUsers(tx, "emp-9")), "the closed-hours target is in use too");
        assertEquals(List.of(), inTx(tx -> numbers().scheduleUsers(tx, "sch-2")));
    }

    @Test
    default void fallbackMediaUsersAreTheNumbersWhoseVoiceMessageOrGreetingPlaysTheClip() {
        importRange(4951230000L, 5);
        inTx(tx -> {
            accounts().create(tx, new io.vpbx.admin.domain.account.Account("acc-1", "Acme", T0));
            List<NumberRecord> records = numbers().lock(tx, List.of("+74951230000", "+74951230001", "+74951230002",
                    "+74951230003", "+74951230004"));
            Fallback[] fallbacks = {new Fallback.VoiceMessage("clip_1%"), new Fallback.Voicemail(List.of("a@acme.example"), "clip_1%"),
                    new Fallback.VoiceMessage("clip_10%", 2, true, 486), new Fallback.Voicemail(List.of("clip_1%@acme.example"), null),
                    new Fallback.VoiceMessage("clip_1%")};
            for (int i = 0; i < records.size(); i++) {
                NumberRecord owned = records.get(i).withState(i == 4 ? NumberState.AVAILABLE : NumberState.ACTIVE, T0)
                        .withReservation(i == 4 ? null : "acc-1", null, null);
                numbers().save(tx, owned.withSettings(null, null, fallbacks[i]));
            }
            return null;
        });
        assertEquals(List.of(new NumberUser("fallback of number", "+74951230000", "acc-1"),
                        new NumberUser("fallback of number", "+74951230001", "acc-1")),
                inTx(tx -> numbers().fallbackMediaUsers(tx, "clip_1%")),
                "not another clip whose id contains it, not a recipient, not a number out of service; % and _ are no wildcards");
        assertEquals(List.of(), inTx(tx -> numbers().fallbackMediaUsers(tx, "clip")));
    }

    @Test
    default void lockExpiredFindsReservationsPastTheirDeadlineOnly() {
        importRange(4951230000L, 3);
        inTx(tx -> {
            accounts().create(tx, new io.vpbx.admin.domain.account.Account("acc-1", "Acme", T0));
            List<NumberRecord> records = numbers().lock(tx, List.of("+74951230000", "+74951230001"));
            numbers().save(tx, records.get(0).withState(NumberState.RESERVED, T0).withReservation("acc-1", "r1", T0.plusSeconds(60)));
            numbers().save(tx, records.get(1).withState(NumberState.RESERVED, T0).withReservation("acc-1", "r1", T0.plusSeconds(600)));
            return null;
        });
        List<NumberRecord> due = inTx(tx -> numbers().lockExpired(tx, NumberState.RESERVED, T0.plusSeconds(61), 10));
        assertEquals(List.of("+74951230000"), due.stream().map(NumberRecord::e164).toList());
        assertNull(inTx(tx -> numbers().find(tx, "+74951230002")).orElseThrow().accountId());
    }

    @Test
    default void failedTransactionLeavesNothingBehind() {
        importRange(4951230000L, 5);
        try {
            inTx(tx -> {
                numbers().importEntries(tx, List.of(ENTRIES.entry(PARSER.parse("+74951239999"))), T0);
                throw new IllegalStateException("fails half way");
            });
        } catch (IllegalStateException expected) {
            // the transaction must have rolled back
        }
        assertTrue(inTx(tx -> numbers().find(tx, "+74951239999")).isEmpty());
    }
}
