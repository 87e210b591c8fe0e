package io.vpbx.sip.uas;

import io.vpbx.telephony.cdr.CallRecord;
import java.time.Instant;

/**
 * The call an answering leg serves, as the proxy tracks it: whose number was called, by whom, and where its call
 * record goes. Called on the SIP event loop.
 */
public interface AnsweredCall {

    /** The account that owns the called number. */
    String accountId();

    /** The called number, E.164. */
    String number();

    /** Who called, as the call record names them. */
    String caller();

    /** vpbx answered the call (200 OK sent) at {@code at}. */
    void answered(Instant at);

    /**
     * A scenario's step in this call (entered, digit pressed, schedule branch, target reached), in order, for the
     * call record.
     */
    void path(String scenario, String entry, Instant at);

    /** The call ended; its record is written with this result and final status. Called once. */
    void ended(CallRecord.Result result, int status, Instant at);
}
