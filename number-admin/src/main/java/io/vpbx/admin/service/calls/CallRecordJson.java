package io.vpbx.admin.service.calls;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.telephony.cdr.CallRecord;
import java.util.Locale;

/** A call record as JSON: the one shape the API's call records and the call.* events both show. */
public final class CallRecordJson {
    private CallRecordJson() {
    }

    public static ObjectNode of(CallRecord r) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("call_id", r.callId())
                .put("account_id", r.accountId())
                .put("direction", tag(r.direction()))
                .put("number", r.number())
                .put("caller", r.caller())
                .put("callee", r.callee())
                .put("carrier", r.carrier())
                .put("result", tag(r.result()))
                .put("final_code", r.finalCode())
                .put("fallback", r.fallback())
                .put("started_at", r.startedAt().toString())
                .put("answered_at", r.answeredAt() == null ? null : r.answeredAt().toString())
                .put("ended_at", r.endedAt().toString())
                .put("setup_ms", r.setupMillis())
                .put("duration_s", r.durationSeconds());
        ArrayNode attempts = node.putArray("attempts");
        for (CallRecord.Attempt a : r.attempts()) {
            attempts.addObject()
                    .put("kind", a.kind())
                    .put("destination", a.destination())
                    .put("employee_id", a.employeeId())
                    .put("sip_code", a.sipCode())
                    .put("outcome", a.outcome())
                    .put("started_at", a.startedAt().toString())
                    .put("ended_at", a.endedAt().toString());
        }
        return node;
    }

    /** An enum as the API spells it: its name in lower case. */
    public static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
