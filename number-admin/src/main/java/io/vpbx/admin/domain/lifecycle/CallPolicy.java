package io.vpbx.admin.domain.lifecycle;

import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;

/**
 * A number's effective call permissions from its lifecycle state, its suspension and its kind. The
 * routing table carries the result; the SIP core enforces it (403 with the reason). An operator's complaint stop
 * outranks the real-name suspension: it is the stricter and says why.
 */
public final class CallPolicy {

    /** {@code complaint}: the operator's stop on a complaint, or null. */
    public CallPermissions permissions(NumberState state, Suspension suspension, ComplaintStop complaint, Country country,
                                       NumberType type) {
        if (state == NumberState.PENDING_COMPLIANCE) {
            return new CallPermissions(false, false, "not active: no confirmed responsible end user or M2M device yet");
        }
        if (state == NumberState.BLOCKED_UNCONFIRMED) {
            return new CallPermissions(false, false, "blocked: binding not confirmed by the registry deadline");
        }
        if (state != NumberState.ACTIVE) {
            return new CallPermissions(false, false, "not in service (" + state.wireName() + ")");
        }
        if (complaint != null) {
            return new CallPermissions(false, false, complaint.callAnswer());
        }
        if (suspension == Suspension.FULL_STOP) {
            return new CallPermissions(false, false, "stopped: the holder's identity document was not fixed in time");
        }
        if (suspension == Suspension.ONE_WAY) {
            return new CallPermissions(true, false, "one-way suspension: the holder's identity document is invalid");
        }
        if (isChinese400(country, type)) {
            return new CallPermissions(true, false, "400 numbers never call out (receive only)");
        }
        return new CallPermissions(true, true, "active");
    }

    /** China's 400 numbers receive calls only and may never be shown as a caller ID. */
    public boolean mayBeCallerId(Country country, NumberType type) {
        return !isChinese400(country, type);
    }

    private static boolean isChinese400(Country country, NumberType type) {
        return country == Country.CN && type == NumberType.TOLL_FREE;
    }
}
