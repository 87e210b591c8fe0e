package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.media.Media;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every MediaStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC store). */
public interface MediaStoreContract extends StoreContract {
    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    MediaStore media();

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    private static Media clip(String id, String accountId) {
        return new Media(id, accountId, "Greeting " + id, Duration.ofMillis(2_345), "pcm_s24", 48_000, 2, T0);
    }

    private boolean holds(TxWork<Boolean> question) {
        return inTx(question);
    }

    private void create(Media media, byte[] wav) {
        inTx(tx -> {
            media().create(tx, media, wav);
            return null;
        });
    }

    @Test
    default void aClipReadsBackWithItsAudioByteForByte() {
        byte[] wav = new byte[3 * 1024 * 1024 + 1]; // megabytes, odd length, every byte value
        new Random(7).nextBytes(wav);
        Media greeting = clip("m-1", "acc-1");
        create(greeting, wav);
        assertEquals(Optional.of(greeting), inTx(tx -> media().find(tx, "acc-1", "m-1")));
        assertEquals(Optional.of(greeting), inTx(tx -> media().lock(tx, "acc-1", "m-1")));
        assertTrue(holds(tx -> media().exists(tx, "acc-1", "m-1")));
        assertArrayEquals(wav, inTx(tx -> media().audio(tx, "acc-1", "m-1")).orElseThrow());
    }

    @Test
    default void anotherAccountsClipIsAbsentEverywhere() {
        create(clip("m-1", "acc-1"), new byte[] {1, 2, 3});
        assertTrue(inTx(tx -> media().find(tx, "acc-2", "m-1")).isEmpty());
        assertTrue(inTx(tx -> media().lock(tx, "acc-2", "m-1")).isEmpty());
        assertFalse(holds(tx -> media().exists(tx, "acc-2", "m-1")));
        assertTrue(inTx(tx -> media().audio(tx, "acc-2", "m-1")).isEmpty());
        assertTrue(inTx(tx -> media().list(tx, "acc-2", null, 10)).isEmpty());
        assertFalse(holds(tx -> media().delete(tx, "acc-2", "m-1")));
        assertTrue(holds(tx -> media().exists(tx, "acc-1", "m-1")), "a delete for another account leaves the clip alone");
    }

    @Test
    default void listPagesByIdAndDeleteRemovesTheAudioToo() {
        for (int i = 0; i < 5; i++) {
            create(clip("m-" + i, "acc-1"), new byte[] {(byte) i});
        }
        create(clip("x-1", "acc-2"), new byte[] {9});
        List<String> ids = new ArrayList<>();
        String after = null;
        List<Media> page;
        do {
            String cursor = after;
            page = inTx(tx -> media().list(tx, "acc-1", cursor, 2));
            page.forEach(m -> ids.add(m.id()));
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 2);
        assertEquals(List.of("m-0", "m-1", "m-2", "m-3", "m-4"), ids);
        assertTrue(holds(tx -> media().delete(tx, "acc-1", "m-3")));
        assertTrue(inTx(tx -> media().find(tx, "acc-1", "m-3")).isEmpty());
        assertTrue(inTx(tx -> media().audio(tx, "acc-1", "m-3")).isEmpty());
        assertFalse(holds(tx -> media().delete(tx, "acc-1", "m-3")));
    }
}
