package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.Leg;
import io.vpbx.telephony.cdr.CallProgress;
import io.vpbx.telephony.cdr.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects what happens to one call while it is routed, and becomes its {@link CallRecord} at the end. */
final class CallLog {
    /** Leg kinds as call records name them, written once. */
    private static final String[] KIND_NAMES = kindNames();
    private final String callId;
    private final CallRecord.Direction direction;
    private final String caller;
    private final String callee;
    private final Instant startedAt;
    private final List<CallRecord.Attempt> attempts = new ArrayList<>(2);
    private String accountId;
    private String number;
    private String carrier;
    private String fallback;
    private Instant answeredAt;

    CallLog(String callId, CallRecord.Direction direction, String caller, String callee, Instant startedAt) {
        this.callId = callId;
        this.direction = direction;
        this.caller = caller;
        this.callee = callee;
        this.startedAt = startedAt;
    }

    CallLog account(String accountId, String number) {
        this.accountId = accountId;
        this.number = number;
        return this;
    }

    CallLog carrier(String carrier) {
        this.carrier = carrier;
        return this;
    }

    void attempt(Leg leg, String destination, int sipCode, String outcome, Instant started, Instant ended) {
        attempts.add(new CallRecord.Attempt(KIND_NAMES[leg.kind().ordinal()], destination, leg.employeeId(),
                sipCode, outcome, started, ended));
    }

    /**
     * One entry of a scenario's path (step entered, digit, schedule branch, target reached), kept among the attempts
     * as kind "scenario" so the record needs no new column: destination names the scenario and version, outcome the
     * entry.
     */
    void scenarioPath(String scenario, String entry, Instant at) {
        attempts.add(new CallRecord.Attempt(KIND_NAMES[Leg.Kind.SCENARIO.ordinal()], scenario, null, 0, entry, at, at));
    }

    void fallback(String what) {
        this.fallback = what;
    }

    void answered(Instant at) {
        this.answeredAt = at;
    }

    boolean isAnswered() {
        return answeredAt != null;
    }

    String accountId() {
        return accountId;
    }

    String number() {
        return number;
    }

    String caller() {
        return caller;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The call as it stands at {@code at}, before its record: for the call.started and call.answered events. */
    CallProgress progress(Instant at) {
        return new CallProgress(callId, accountId, direction, number, caller, callee, at);
    }

    private static String[] kindNames() {
        Leg.Kind[] kinds = Leg.Kind.values();
        String[] names = new String[kinds.length];
        for (Leg.Kind kind : kinds) {
            names[kind.ordinal()] = kind.name().toLowerCase(Locale.ROOT);
        }
        return names;
    }

    CallRecord end(CallRecord.Result result, int finalCode, Instant endedAt) {
        return new CallRecord(callId, accountId, direction, number, caller, callee, carrier, attempts, result, finalCode,
                fallback, startedAt, answeredAt, endedAt);
    }
}
