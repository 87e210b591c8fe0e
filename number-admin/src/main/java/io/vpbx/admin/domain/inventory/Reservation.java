package io.vpbx.admin.domain.inventory;

import io.vpbx.admin.domain.WireName;
import java.time.Instant;

/** A hold on numbers by one account until {@code expiresAt}. */
public record Reservation(String id, String accountId, Instant createdAt, Instant expiresAt, Status status) {

    public enum Status implements WireName {
        /** Holding its numbers (until expiry). */
        OPEN,
        /** Its numbers were bought. */
        PURCHASED,
        /** Given up by the account. */
        RELEASED,
        /** Ran out of time; its numbers went back to the catalog. */
        EXPIRED
    }

    /** OPEN reservations past their deadline are expired even before the sweeper has marked them. */
    public Status effectiveStatus(Instant now) {
        return status == Status.OPEN && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }
}
