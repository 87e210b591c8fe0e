package io.vpbx.sip.uplink;

/** Where a registration to another operator stands, as the admin API and the metrics name it. */
public enum RegistrationState {
    /** Not yet tried, or the first attempt is under way. */
    PENDING("pending"),
    /** The operator holds our Contact until the time reported with the state. */
    REGISTERED("registered"),
    /** The last attempt failed (code and reason reported); another one is scheduled. */
    RETRYING("retrying"),
    /** The operator refused our credentials again and again; no more attempts until the line changes. */
    FAILED_AUTH("failed_auth"),
    /** Switched off by the business or the operator; unregistered. */
    DISABLED("disabled"),
    /** The number was disconnected: unregistered and forgotten. */
    UNREGISTERED("unregistered");

    private final String wireName;

    RegistrationState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
