package io.vpbx.admin;

import io.vpbx.telephony.cdr.CallRecord.Attempt;
import io.vpbx.telephony.cdr.CallRecord.Direction;
import io.vpbx.telephony.cdr.CallRecord.Result;
import io.vpbx.telephony.cdr.CallRecord;
import java.time.Instant;
import java.util.List;

/** Call records as the proxy builds them, for the store, writer and API tests. */
public final class TestCallRecords {

    private TestCallRecords() {
    }

    /**
     * An inbound call to {@code number} from {@code caller}, started at {@code start}: answered by the
     * second of two employees after the first was busy, 3.2 s to answer, 65 s of talk.
     */
    public static CallRecord answered(String callId, String accountId, String number, String caller, Instant start) {
        Instant busyAt = start.plusMillis(1200);
        Instant answeredAt = start.plusMillis(3200);
        Instant endedAt = answeredAt.plusSeconds(65);
        return new CallRecord(callId, accountId, Direction.INBOUND, number, caller, number, "trunk-rt",
                List.of(new Attempt("contact", "sip:anna@10.0.0.5:5060", "emp-anna", 486, "busy", start, busyAt),
                        new Attempt("contact", "sip:boris@10.0.0.6:5060", "emp-boris", 200, "answered", busyAt, answeredAt)),
                Result.ANSWERED, 200, null, start, answeredAt, endedAt);
    }

    /** A call that ended without an answer, with {@code result} and {@code finalCode}, one target tried for 20 s. */
    public static CallRecord unanswered(String callId, String accountId, Direction direction, String number, String caller,
                                        Result result, int finalCode, Instant start) {
        Instant endedAt = start.plusSeconds(20);
        return new CallRecord(callId, accountId, direction, number, caller,
                direction == Direction.INBOUND ? number : "+74957654321", null,
                List.of(new Attempt("sip_uri", "sip:desk@pbx.example.com", null, 0, "no_answer", start, endedAt)),
                result, finalCode, "hang_up 480", start, null, endedAt);
    }
}
