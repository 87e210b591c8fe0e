package io.vpbx.admin.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumberLifecycleTest {
    private final NumberLifecycle lifecycle = new NumberLifecycle();

    @Test
    void aNumberGoesRoundTheWholeCycle() {
        NumberState state = NumberState.AVAILABLE;
        state = lifecycle.apply(state, LifecycleEvent.RESERVE);
        assertEquals(NumberState.RESERVED, state);
        state = lifecycle.apply(state, LifecycleEvent.PURCHASE);
        assertEquals(NumberState.PENDING_COMPLIANCE, state);
        state = lifecycle.apply(state, LifecycleEvent.COMPLIANCE_CONFIRMED);
        assertEquals(NumberState.ACTIVE, state);
        state = lifecycle.apply(state, LifecycleEvent.DISCONNECT);
        assertEquals(NumberState.DISCONNECTED, state);
        assertEquals(NumberState.AVAILABLE, lifecycle.apply(state, LifecycleEvent.QUARANTINE_ENDED));
    }

    @Test
    void reservationsEndByReleaseOrExpiry() {
        assertEquals(NumberState.AVAILABLE, lifecycle.apply(NumberState.RESERVED, LifecycleEvent.RELEASE));
        assertEquals(NumberState.AVAILABLE, lifecycle.apply(NumberState.RESERVED, LifecycleEvent.RESERVATION_EXPIRED));
    }

    @Test
    void shortcutsAreRefusedWithBothStatesNamed() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> lifecycle.apply(NumberState.AVAILABLE, LifecycleEvent.PURCHASE));
        assertEquals("a number in state available cannot be purchased", e.getMessage());
        assertTrue(lifecycle.next(NumberState.DISCONNECTED, LifecycleEvent.RESERVE).isEmpty(), "quarantine is not for sale");
        assertTrue(lifecycle.next(NumberState.RESERVED, LifecycleEvent.COMPLIANCE_CONFIRMED).isEmpty());
        assertTrue(lifecycle.next(NumberState.AVAILABLE, LifecycleEvent.DISCONNECT).isEmpty());
    }

    @Test
    void aMissedDeadlineBlocksAndALateConfirmationActivates() {
        assertEquals(NumberState.BLOCKED_UNCONFIRMED,
                lifecycle.apply(NumberState.PENDING_COMPLIANCE, LifecycleEvent.CONFIRMATION_DEADLINE_PASSED));
        assertEquals(NumberState.BLOCKED_UNCONFIRMED, lifecycle.apply(NumberState.ACTIVE, LifecycleEvent.CONFIRMATION_DEADLINE_PASSED),
                "a rebinding not confirmed in time blocks an active number too");
        assertEquals(NumberState.ACTIVE, lifecycle.apply(NumberState.BLOCKED_UNCONFIRMED, LifecycleEvent.COMPLIANCE_CONFIRMED));
        assertEquals(NumberState.DISCONNECTED, lifecycle.apply(NumberState.BLOCKED_UNCONFIRMED, LifecycleEvent.DISCONNECT));
        assertTrue(lifecycle.next(NumberState.AVAILABLE, LifecycleEvent.CONFIRMATION_DEADLINE_PASSED).isEmpty());
    }

    @Test
    void onlyPurchasedNumbersAreOwned() {
        assertTrue(NumberState.PENDING_COMPLIANCE.isOwned());
        assertTrue(NumberState.ACTIVE.isOwned());
        assertTrue(NumberState.BLOCKED_UNCONFIRMED.isOwned());
        for (NumberState state : new NumberState[] {NumberState.AVAILABLE, NumberState.RESERVED, NumberState.DISCONNECTED}) {
            assertTrue(!state.isOwned(), state.name());
        }
    }
}
