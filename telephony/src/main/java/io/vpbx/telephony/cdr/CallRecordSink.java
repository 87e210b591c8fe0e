package io.vpbx.telephony.cdr;

/**
 * Where the proxy hands finished call records. Called on a SIP event loop: it must not block and must not
 * throw; an implementation that cannot keep up drops the record and counts it.
 */
@FunctionalInterface
public interface CallRecordSink {

    void offer(CallRecord record);

    /** The call was admitted and is being routed (call.started); same rules as {@link #offer}. */
    default void started(CallProgress call) {
    }

    /** The call was answered (call.answered); same rules as {@link #offer}. */
    default void answered(CallProgress call) {
    }

    /** A sink that keeps nothing, for a SIP core run without storage. */
    static CallRecordSink discarding() {
        return record -> { };
    }
}
