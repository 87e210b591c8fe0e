package io.vpbx.admin.domain.contact;

import io.vpbx.admin.domain.voicemail.DeliveryState;
import java.time.Instant;
import java.util.Objects;

/**
 * A text message queued for a real gateway. The text is kept sealed (it may carry a one-time code) and is opened only
 * to send it; {@link #toString()} leaves it out so that no log line can carry it.
 */
public record SmsDelivery(long id, String recipient, String sealedText, DeliveryState state, int attempts, Instant nextAttemptAt,
                          String lastError, Instant createdAt, Instant sentAt) {
    public SmsDelivery {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sealedText, "sealedText");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static SmsDelivery queued(String recipient, String sealedText, Instant now) {
        return new SmsDelivery(0, recipient, sealedText, DeliveryState.QUEUED, 0, now, null, now, null);
    }

    @Override
    public String toString() {
        return "SmsDelivery[id=" + id + ", state=" + state + ", attempts=" + attempts + "]";
    }
}
