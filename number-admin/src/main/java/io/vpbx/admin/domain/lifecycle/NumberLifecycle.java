package io.vpbx.admin.domain.lifecycle;

import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.COMPLIANCE_CONFIRMED;
import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.CONFIRMATION_DEADLINE_PASSED;
import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.HOLDER_WITHDREW;
import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.DISCONNECT;
import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.PURCHASE;
import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.QUARANTINE_ENDED;
import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.RELEASE;
import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.RESERVATION_EXPIRED;
import static io.vpbx.admin.domain.lifecycle.LifecycleEvent.RESERVE;
import static io.vpbx.admin.domain.lifecycle.NumberState.ACTIVE;
import static io.vpbx.admin.domain.lifecycle.NumberState.AVAILABLE;
import static io.vpbx.admin.domain.lifecycle.NumberState.BLOCKED_UNCONFIRMED;
import static io.vpbx.admin.domain.lifecycle.NumberState.DISCONNECTED;
import static io.vpbx.admin.domain.lifecycle.NumberState.PENDING_COMPLIANCE;
import static io.vpbx.admin.domain.lifecycle.NumberState.RESERVED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one state machine of a number: available -> reserved -> pending compliance -> active ->
 * disconnected (quarantine) -> available; a binding not confirmed by its deadline blocks the number
 * (blocked_unconfirmed) until a late confirmation makes it active. Stores apply a transition only from the states this
 * table allows, so an illegal change is refused the same way everywhere.
 */
public final class NumberLifecycle {
    private final Map<NumberState, Map<LifecycleEvent, NumberState>> table = new EnumMap<>(NumberState.class);

    public NumberLifecycle() {
        allow(AVAILABLE, RESERVE, RESERVED);
        allow(RESERVED, RELEASE, AVAILABLE);
        allow(RESERVED, RESERVATION_EXPIRED, AVAILABLE);
        allow(RESERVED, PURCHASE, PENDING_COMPLIANCE);
        allow(PENDING_COMPLIANCE, COMPLIANCE_CONFIRMED, ACTIVE);
        allow(PENDING_COMPLIANCE, DISCONNECT, DISCONNECTED);
        allow(PENDING_COMPLIANCE, CONFIRMATION_DEADLINE_PASSED, BLOCKED_UNCONFIRMED);
        allow(ACTIVE, CONFIRMATION_DEADLINE_PASSED, BLOCKED_UNCONFIRMED);
        allow(ACTIVE, HOLDER_WITHDREW, BLOCKED_UNCONFIRMED);
        allow(PENDING_COMPLIANCE, HOLDER_WITHDREW, PENDING_COMPLIANCE);
        allow(ACTIVE, COMPLIANCE_CONFIRMED, ACTIVE);
        allow(BLOCKED_UNCONFIRMED, COMPLIANCE_CONFIRMED, ACTIVE);
        allow(BLOCKED_UNCONFIRMED, DISCONNECT, DISCONNECTED);
        allow(ACTIVE, DISCONNECT, DISCONNECTED);
        allow(DISCONNECTED, QUARANTINE_ENDED, AVAILABLE);
    }

    private void allow(NumberState from, LifecycleEvent event, NumberState to) {
        table.computeIfAbsent(from, s -> new EnumMap<>(LifecycleEvent.class)).put(event, to);
    }

    /** The state after the event, or empty when the event is not allowed in that state. */
    public Optional<NumberState> next(NumberState from, LifecycleEvent event) {
        return Optional.ofNullable(table.getOrDefault(from, Map.of()).get(event));
    }

    /** The state after the event, or an {@link IllegalTransitionException} naming both. */
    public NumberState apply(NumberState from, LifecycleEvent event) {
        return next(from, event).orElseThrow(() -> new IllegalTransitionException(from, event));
    }
}
