package io.vpbx.admin.domain.lifecycle;

/** What can happen to a number. */
public enum LifecycleEvent {
    RESERVE,
    RELEASE,
    RESERVATION_EXPIRED,
    PURCHASE,
    COMPLIANCE_CONFIRMED,
    CONFIRMATION_DEADLINE_PASSED,
    /** The responsible end user withdrew consent: the number has no holder until another is bound and confirmed. */
    HOLDER_WITHDREW,
    DISCONNECT,
    QUARANTINE_ENDED
}
