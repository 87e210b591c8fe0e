package io.vpbx.admin.service.events;

import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.service.calls.CallRecordJson;
import io.vpbx.telephony.cdr.CallRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a finished call is (pure): {@code call.ended} with the call record for every call of an account, and
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

    static boolean missed(CallRecord record) {
        return record.direction() == CallRecord.Direction.INBOUND && record.answeredAt() == null
                && record.result() != CallRecord.Result.REJECTED;
    }
}
