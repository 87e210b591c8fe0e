package io.vpbx.admin.domain.cdr;

import io.vpbx.telephony.cdr.CallRecord;

/** A call record as stored, with the id that orders records started at the same instant. */
public record StoredCallRecord(long id, CallRecord record) {

    public CallRecordQuery.Position position() {
        return new CallRecordQuery.Position(record.startedAt(), id);
    }
}
