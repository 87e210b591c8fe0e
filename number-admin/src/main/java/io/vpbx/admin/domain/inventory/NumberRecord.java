package io.vpbx.admin.domain.inventory;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.lifecycle.ComplaintStop;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.domain.lifecycle.Suspension;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import io.vpbx.admin.domain.price.Price;
import io.vpbx.telephony.forwarding.Fallback;
import java.time.Instant;
import java.util.List;

/**
 * A number of the inventory with everything known about it: what it is (classified and priced at
 * import), where it is in its lifecycle, and, while an account holds it, its comment and routing.
 * Immutable: a change makes a new record with {@code with...}.
 */
public record NumberRecord(String e164, Country country, NumberType type, String region, String national,
                           NumberCategory category, List<String> reasons, String ruleSetVersion, Price price,
                           NumberState state, String accountId, String reservationId, Instant reservedUntil,
                           Instant purchasedAt, Instant quarantineUntil, Instant stateChangedAt,
                           String comment, Forwarding forwarding, Fallback fallback,
                           Suspension suspension, String suspensionReason, Instant suspendedAt,
                           ComplaintStop complaintStop) {

    public NumberRecord {
        reasons = List.copyOf(reasons);
    }

    public NumberRecord withState(NumberState newState, Instant at) {
        return new NumberRecord(e164, country, type, region, national, category, reasons, ruleSetVersion, price, newState,
                accountId, reservationId, reservedUntil, purchasedAt, quarantineUntil, at, comment, forwarding, fallback,
                suspension, suspensionReason, suspendedAt, complaintStop);
    }

    public NumberRecord withReservation(String newAccountId, String newReservationId, Instant until) {
        return new NumberRecord(e164, country, type, region, national, category, reasons, ruleSetVersion, price, state,
                newAccountId, newReservationId, until, purchasedAt, quarantineUntil, stateChangedAt, comment, forwarding, fallback,
                suspension, suspensionReason, suspendedAt, complaintStop);
    }

    public NumberRecord withPurchase(Instant at) {
        return new NumberRecord(e164, country, type, region, national, category, reasons, ruleSetVersion, price, state,
                accountId, null, null, at, null, stateChangedAt, comment, forwarding, fallback,
                suspension, suspensionReason, suspendedAt, complaintStop);
    }

    public NumberRecord withQuarantineUntil(Instant until) {
        return new NumberRecord(e164, country, type, region, national, category, reasons, ruleSetVersion, price, state,
                accountId, reservationId, reservedUntil, purchasedAt, until, stateChangedAt, comment, forwarding, fallback,
                suspension, suspensionReason, suspendedAt, complaintStop);
    }

    public NumberRecord withSettings(String newComment, Forwarding newForwarding, Fallback newFallback) {
        return new NumberRecord(e164, country, type, region, national, category, reasons, ruleSetVersion, price, state,
                accountId, reservationId, reservedUntil, purchasedAt, quarantineUntil, stateChangedAt, newComment,
                newForwarding, newFallback, suspension, suspensionReason, suspendedAt, complaintStop);
    }

    public NumberRecord withSuspension(Suspension newSuspension, String reason, Instant at) {
        return new NumberRecord(e164, country, type, region, national, category, reasons, ruleSetVersion, price, state,
                accountId, reservationId, reservedUntil, purchasedAt, quarantineUntil, stateChangedAt, comment, forwarding, fallback,
                newSuspension, reason, at, complaintStop);
    }

    /** {@code stop} null lifts the operator's complaint stop. */
    public NumberRecord withComplaintStop(ComplaintStop stop) {
        return new NumberRecord(e164, country, type, region, national, category, reasons, ruleSetVersion, price, state,
                accountId, reservationId, reservedUntil, purchasedAt, quarantineUntil, stateChangedAt, comment, forwarding, fallback,
                suspension, suspensionReason, suspendedAt, stop);
    }

    /** Back to the shelf: no owner, no reservation, no settings left from the previous holder. */
    public NumberRecord cleared(Instant at) {
        return new NumberRecord(e164, country, type, region, national, category, reasons, ruleSetVersion, price,
                NumberState.AVAILABLE, null, null, null, null, null, at, null, null, null, Suspension.NONE, null, null, null);
    }
}
