package io.vpbx.admin.service.media;

import io.vpbx.admin.store.MediaStore;
import io.vpbx.admin.store.Transactions;
import java.util.Optional;

/**
 * Read access to converted clips for the call side's cache, one short transaction per clip. Blocking (JDBC): call it
 * off the event loop. The account must match, so a call of one account never plays another's clip.
 */
public final class MediaAudio {
    private final Transactions transactions;
    private final MediaStore media;

    public MediaAudio(Transactions transactions, MediaStore media) {
        this.transactions = transactions;
        this.media = media;
    }

    /** The clip as an 8 kHz mono 16-bit WAV file, or empty when the account has no such clip. */
    public Optional<byte[]> wav(String accountId, String mediaId) {
        return transactions.inTransaction(tx -> media.audio(tx, accountId, mediaId));
    }
}
