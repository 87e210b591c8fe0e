package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.voicemail.MailDelivery;
import io.vpbx.admin.domain.voicemail.Voicemail;
import io.vpbx.admin.domain.voicemail.VoicemailQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every VoicemailStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface VoicemailStoreContract extends StoreContract {
    VoicemailStore voicemails();

    MailQueueStore mailQueue();

    Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");
    String ACME_NUMBER = "+74951230001";

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    private static Voicemail message(String id, String accountId, String number, String caller, Instant startedAt) {
        return new Voicemail(id, accountId, number, caller, "call-" + id, startedAt, Duration.ofMillis(4_250), false, startedAt);
    }

    private void store(Voicemail message, byte[] wav) {
        inTx(tx -> {
            voicemails().create(tx, message, wav);
            return null;
        });
    }

    private List<String> ids(VoicemailQuery query) {
        return inTx(tx -> voicemails().query(tx, query)).stream().map(Voicemail::id).toList();
    }

    private static VoicemailQuery all(String accountId, int limit) {
        return new VoicemailQuery(accountId, null, null, null, null, null, null, limit);
    }

    private boolean holds(TxWork<Boolean> question) {
        return inTx(question);
    }

    private long queued() {
        return inTx(tx -> mailQueue().queued(tx));
    }

    @Test
    default void aStoredMessageReadsBackWithItsRecordingByteForByte() {
        byte[] wav = new byte[300_000];
        new Random(7).nextBytes(wav);
        Voicemail message = new Voicemail("vm-1", "acc-1", ACME_NUMBER, "Пётр <+79161234567>", null, T0, Duration.ofMillis(18_750),
                false, T0.plusSeconds(19));
        store(message, wav);

        assertEquals(message, inTx(tx -> voicemails().find(tx, "acc-1", "vm-1")).orElseThrow());
        assertEquals(message, inTx(tx -> voicemails().findInAnyAccount(tx, "vm-1")).orElseThrow());
        assertArrayEquals(wav, inTx(tx -> voicemails().wav(tx, "acc-1", "vm-1")).orElseThrow());
    }

    @Test
    default void anotherAccountNeitherReadsNorChangesNorDeletesAMessage() {
        store(message("vm-1", "acc-1", ACME_NUMBER, "+79161234567", T0), new byte[] {1, 2, 3});

        assertTrue(inTx(tx -> voicemails().find(tx, "acc-2", "vm-1")).isEmpty());
        assertTrue(inTx(tx -> voicemails().wav(tx, "acc-2", "vm-1")).isEmpty());
        assertFalse(holds(tx -> voicemails().setHeard(tx, "acc-2", "vm-1", true)));
        assertFalse(holds(tx -> voicemails().delete(tx, "acc-2", "vm-1")));
        assertEquals(List.of(), ids(all("acc-2", 10)));
        assertFalse(inTx(tx -> voicemails().find(tx, "acc-1", "vm-1")).orElseThrow().heard());
    }

    @Test
    default void newestFirstAndTheCursorWalksEveryMessageOnceEvenWhenStartsTie() {
        for (int i = 0; i < 7; i++) {
            store(message("vm-" + i, "acc-1", ACME_NUMBER, "+79161234567", T0.plusSeconds(i / 2)), new byte[] {(byte) i});
        }
        List<String> seen = new ArrayList<>();
        VoicemailQuery.Position before = null;
        for (int pages = 0; pages < 10; pages++) {
            VoicemailQuery.Position cursor = before;
            List<Voicemail> page = inTx(tx -> voicemails().query(tx, new VoicemailQuery("acc-1", null, null, null, null, null, cursor, 3)));
            page.forEach(v -> seen.add(v.id()));
            if (page.size() < 3) {
                break;
            }
            Voicemail last = page.get(page.size() - 1);
            before = new VoicemailQuery.Position(last.startedAt(), last.id());
        }
        assertEquals(List.of("vm-6", "vm-5", "vm-4", "vm-3", "vm-2", "vm-1", "vm-0"), seen);
    }

    @Test
    default void filtersNarrowByNumberCallerTimeAndHeard() {
        store(message("a", "acc-1", ACME_NUMBER, "+79161234567", T0), new byte[] {1});
        store(message("b", "acc-1", "+74951230002", "+79161234567", T0.plusSeconds(60)), new byte[] {1});
        store(message("c", "acc-1", ACME_NUMBER, "+79035550000", T0.plusSeconds(120)), new byte[] {1});
        assertTrue(holds(tx -> voicemails().setHeard(tx, "acc-1", "c", true)));

        assertEquals(List.of("c", "a"), ids(new VoicemailQuery("acc-1", ACME_NUMBER, null, null, null, null, null, 10)));
        assertEquals(List.of("b", "a"), ids(new VoicemailQuery("acc-1", null, "+79161234567", null, null, null, null, 10)));
        // from is inclusive, to exclusive
        assertEquals(List.of("b"), ids(new VoicemailQuery("acc-1", null, null, T0.plusSeconds(60), T0.plusSeconds(120), null, null,
                10)));
        assertEquals(List.of("c"), ids(new VoicemailQuery("acc-1", null, null, null, null, true, null, 10)));
        assertEquals(List.of("b", "a"), ids(new VoicemailQuery("acc-1", null, null, null, null, false, null, 10)));
    }

    @Test
    default void deletingAMessageTakesItsDeliveriesWithIt() {
        store(message("vm-1", "acc-1", ACME_NUMBER, "+79161234567", T0), new byte[] {1});
        inTx(tx -> {
            mailQueue().enqueue(tx, MailDelivery.queued("vm-1", "acc-1", "a@acme.example", T0));
            return null;
        });
        assertTrue(holds(tx -> voicemails().delete(tx, "acc-1", "vm-1")));
        assertTrue(inTx(tx -> mailQueue().ofVoicemail(tx, "vm-1")).isEmpty());
        assertEquals(0L, queued());
    }

    @Test
    default void theRetentionSweepDeletesOnlyMessagesStoredBeforeTheCutoff() {
        store(message("old-1", "acc-1", ACME_NUMBER, "+79161234567", T0), new byte[] {1});
        store(message("old-2", "acc-2", "+74951230002", "+79161234567", T0.plusSeconds(1)), new byte[] {1});
        store(message("young", "acc-1", ACME_NUMBER, "+79161234567", T0.plusSeconds(10)), new byte[] {1});

        List<Voicemail> first = inTx(tx -> voicemails().deleteCreatedBefore(tx, T0.plusSeconds(10), 1));
        List<Voicemail> rest = inTx(tx -> voicemails().deleteCreatedBefore(tx, T0.plusSeconds(10), 10));

        assertEquals(List.of("old-1"), first.stream().map(Voicemail::id).toList());
        assertEquals(List.of("old-2"), rest.stream().map(Voicemail::id).toList());
        assertEquals(List.of("young"), ids(all("acc-1", 10)));
    }
}
