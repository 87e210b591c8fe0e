package io.vpbx.admin.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import org.junit.jupiter.api.Test;

class CallPolicyTest {
    private final CallPolicy policy = new CallPolicy();

    private CallPermissions of(NumberState state, Suspension suspension) {
        return policy.permissions(state, suspension, null, Country.RU, NumberType.CITY);
    }

    @Test
    void onlyActiveUnsuspendedNumbersCallBothWays() {
        assertEquals(new CallPermissions(true, true, "active"), of(NumberState.ACTIVE, Suspension.NONE));
        assertFalse(of(NumberState.PENDING_COMPLIANCE, Suspension.NONE).inbound());
        CallPermissions blocked = of(NumberState.BLOCKED_UNCONFIRMED, Suspension.NONE);
        assertFalse(blocked.inbound() || blocked.outbound());
        assertTrue(blocked.reason().contains("deadline"));
    }

    @Test
    void oneWaySuspensionReceivesButCannotCallOutAndFullStopDoesNeither() {
        CallPermissions oneWay = of(NumberState.ACTIVE, Suspension.ONE_WAY);
        assertTrue(oneWay.inbound());
        assertFalse(oneWay.outbound());
        CallPermissions stopped = of(NumberState.ACTIVE, Suspension.FULL_STOP);
        assertFalse(stopped.inbound() || stopped.outbound());
    }

    @Test
    void chinese400NumbersReceiveOnlyAndAreNeverCallerIds() {
        CallPermissions toll = policy.permissions(NumberState.ACTIVE, Suspension.NONE, null, Country.CN, NumberType.TOLL_FREE);
        assertTrue(toll.inbound());
        assertFalse(toll.outbound());
        assertFalse(policy.mayBeCallerId(Country.CN, NumberType.TOLL_FREE));
        assertTrue(policy.mayBeCallerId(Country.RU, NumberType.TOLL_FREE), "Russian 8-800 rules are not China's");
        assertTrue(policy.mayBeCallerId(Country.CN, NumberType.MOBILE));
    }

    @Test
    void aComplaintStopRefusesBothWaysAndOutranksTheRealNameSuspension() {
        ComplaintStop stop = ComplaintStop.of("fraud", "callers report a fake bank", "C-2026-118", java.time.Instant.EPOCH);
        CallPermissions stopped = policy.permissions(NumberState.ACTIVE, Suspension.ONE_WAY, stop, Country.RU, NumberType.CITY);
        assertFalse(stopped.inbound() || stopped.outbound());
        assertEquals("stopped by the operator on a complaint (fraud)", stopped.reason(), "fixed words, never the free text");
        assertThrows(io.vpbx.admin.domain.InvalidFieldException.class, () -> ComplaintStop.of("spam", "r", "ref", java.time.Instant.EPOCH));
    }
}
