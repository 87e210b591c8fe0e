package io.vpbx.sip.proxy;

import io.vpbx.sip.uas.AnsweredCall;
import io.vpbx.telephony.cdr.CallRecord;
import java.time.Instant;

/** The record of a call vpbx answers itself: the routing's {@link CallLog}, ended into {@link Calls} by the leg. */
final class LocalCallRecord implements AnsweredCall {
    private final Calls calls;
    private final CallLog log;

    LocalCallRecord(Calls calls, CallLog log) {
        this.calls = calls;
        this.log = log;
    }

    @Override
    public String accountId() {
        return log.accountId();
    }

    @Override
    public String number() {
        return log.number() == null ? "" : log.number();
    }

    @Override
    public String caller() {
        return log.caller() == null ? "" : log.caller();
    }

    @Override
    public void answered(Instant at) {
        log.answered(at);
    }

    @Override
    public void path(String scenario, String entry, Instant at) {
        log.scenarioPath(scenario, entry, at);
    }

    @Override
    public void ended(CallRecord.Result result, int status, Instant at) {
        calls.ended(log.end(result, status, at));
    }
}
