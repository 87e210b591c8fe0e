package io.vpbx.admin.domain.lifecycle;

/** What can happen to a number. */
public enum LifecycleEvent {
    RESERVE,
    RELEASE,
    RESERVATION_EXPIRED,
    PURCHASE,
    COMPLIANCE_CONFIRMED,
    CONFIRMATION_DEADLINE_PASSED,
    DISCONNECT,
    QUARANTINE_ENDED
}
