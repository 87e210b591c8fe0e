package io.vpbx.telephony.cdr;

/**
 * Where the proxy hands finished call records. Called on a SIP event loop: it must not block and must not
 * throw; an implementation that cannot keep up drops the record and counts it.
 */
@FunctionalInterface
public interface CallRecordSink {

    void offer(CallRecord record);

    /** A sink that keeps nothing, for a SIP core run without storage. */
    static CallRecordSink discarding() {
        return record -> { };
    }
}
