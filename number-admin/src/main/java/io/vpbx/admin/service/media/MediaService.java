package io.vpbx.admin.service.media;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.media.Media;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.MediaStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * An account's media library: upload (converted before the transaction, stored and audited in it), read, list,
 * download the converted audio, delete (refused with 409 while something of the account plays the clip; what may
 * play one is the {@link InUseGuard}'s list: numbers' fallbacks now, scenarios when they come).
 */
public final class MediaService {
    private final Transactions transactions;
    private final MediaStore media;
    private final AudioConversion conversion;
    private final InUseGuard inUse;
    private final Auditor auditor;
    private final Clock clock;

    public MediaService(Transactions transactions, MediaStore media, AudioConversion conversion, InUseGuard inUse, Auditor auditor,
                        Clock clock) {
        this.transactions = transactions;
        this.media = media;
        this.conversion = conversion;
        this.inUse = inUse;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** Converts {@code file} (field "file") and stores it under {@code name} (field "name"). */
    public Media upload(RequestContext ctx, String name, byte[] file) {
        String accountId = ctx.accountId();
        String checkedName = FreeText.required("name", name, Media.MAX_NAME_LENGTH);
        AudioConversion.Converted converted = conversion.convert("file", file);
        Media created = new Media(UUID.randomUUID().toString(), accountId, checkedName, converted.duration(),
                converted.originalFormat(), converted.originalRate(), converted.originalChannels(), StoredTime.now(clock));
        return transactions.inTransaction(tx -> {
            media.create(tx, created, converted.wav());
            auditor.record(tx, ctx, accountId, "media.created", "media", created.id(), changes(null, created));
            return created;
        });
    }

    public Media get(RequestContext ctx, String id) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> media.find(tx, accountId, id)).orElseThrow(() -> notFound(id));
    }

    public List<Media> list(RequestContext ctx, String afterId, int limit) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> media.list(tx, accountId, afterId, limit));
    }

    /** The converted clip as a WAV file: 8 kHz, mono, 16-bit. */
    public byte[] audio(RequestContext ctx, String id) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> media.audio(tx, accountId, id)).orElseThrow(() -> notFound(id));
    }

    public void delete(RequestContext ctx, String id) {
        String accountId = ctx.accountId();
        transactions.inTransaction(tx -> {
            Media before = media.lock(tx, accountId, id).orElseThrow(() -> notFound(id));
            inUse.requireUnused(tx, accountId, id, "media " + id);
            media.delete(tx, accountId, id);
            auditor.record(tx, ctx, accountId, "media.deleted", "media", id, changes(before, null));
            return null;
        });
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("media " + id);
    }

    /** The field-level audit of a change; {@code null} stands for "did not exist". */
    private static List<FieldChange> changes(Media before, Media after) {
        return new Changes()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("duration_ms", before == null ? null : Long.toString(before.duration().toMillis()),
                        after == null ? null : Long.toString(after.duration().toMillis()))
                .field("original_format", before == null ? null : before.originalFormat(), after == null ? null : after.originalFormat())
                .field("original_rate", before == null ? null : Integer.toString(before.originalRate()),
                        after == null ? null : Integer.toString(after.originalRate()))
                .field("original_channels", before == null ? null : Integer.toString(before.originalChannels()),
                        after == null ? null : Integer.toString(after.originalChannels()))
                .list();
    }
}
