package io.vpbx.admin.domain.voicemail;

import java.time.Instant;
import java.util.Objects;

/**
 * One voicemail's delivery to one recipient: a row of the mail queue.
 *
 * @param recipient    as the fallback names it: an e-mail address or {@code employee:<id>} ({@link Recipient})
 * @param attempts     sending attempts begun so far; the attempt a node claimed is its claim on the row
 * @param nextAttemptAt when the row is due (while an attempt runs: when its lease ends)
 * @param lastError    why the last attempt failed, or null
 */
public record MailDelivery(long id, String voicemailId, String accountId, String recipient, DeliveryState state, int attempts,
                           Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    public MailDelivery {
        Objects.requireNonNull(voicemailId, "voicemailId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new row, due at once. */
    public static MailDelivery queued(String voicemailId, String accountId, String recipient, Instant now) {
        return new MailDelivery(0, voicemailId, accountId, recipient, DeliveryState.QUEUED, 0, now, null, now, null);
    }
}
