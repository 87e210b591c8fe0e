package io.vpbx.admin.service.events;

import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.service.calls.CallRecordJson;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.service.calls.CallRecordWriter;
import io.vpbx.telephony.cdr.CallProgress;
import io.vpbx.telephony.cdr.CallRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a call is (pure): {@code call.started} and {@code call.answered} from its progress, {@code call.ended} with the call record for every call of an account, and
 * {@code call.missed} as well for an inbound call nobody answered (busy, no answer, the caller gave up, the targets
 * failed); a call refused before any target rang (unknown number, compliance block) is not "missed".
 */
public final class CallEvents {

    public List<NewEvent> of(CallRecord record) {
        if (record.accountId() == null) {
            return List.of();
        }
        List<NewEvent> events = new ArrayList<>(2);
        events.add(new NewEvent(record.accountId(), EventType.CALL_ENDED, record.endedAt(), CallRecordJson.of(record)));
        if (missed(record)) {
            events.add(new NewEvent(record.accountId(), EventType.CALL_MISSED, record.endedAt(), CallRecordJson.of(record)));
        }
        return events;
    }

    /** call.started or call.answered: the call as it stood then (no record yet). */
    public NewEvent of(CallRecordWriter.Progress progress) {
        CallProgress call = progress.call();
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("call_id", call.callId())
                .put("account_id", call.accountId())
                .put("direction", CallRecordJson.tag(call.direction()))
                .put("number", call.number())
                .put("caller", call.caller())
                .put("callee", call.callee())
                .put(progress.answered() ? "answered_at" : "started_at", call.at().toString());
        return new NewEvent(call.accountId(), progress.answered() ? EventType.CALL_ANSWERED : EventType.CALL_STARTED, call.at(), data);
    }

    static boolean missed(CallRecord record) {
        return record.direction() == CallRecord.Direction.INBOUND && record.answeredAt() == null
                && record.result() != CallRecord.Result.REJECTED;
    }
}
