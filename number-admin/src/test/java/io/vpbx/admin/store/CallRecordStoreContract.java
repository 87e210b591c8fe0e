package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestCallRecords;
import io.vpbx.admin.domain.cdr.CallRecordQuery;
import io.vpbx.admin.domain.cdr.StoredCallRecord;
import io.vpbx.telephony.cdr.CallRecord.Direction;
import io.vpbx.telephony.cdr.CallRecord.Result;
import io.vpbx.telephony.cdr.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every CallRecordStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface CallRecordStoreContract extends StoreContract {
    CallRecordStore callRecords();

    Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");
    String ACME_NUMBER = "+74951230001";

    private void append(List<CallRecord> records) {
        inTx(tx -> {
            callRecords().append(tx, records);
            return null;
        });
    }

    private List<StoredCallRecord> query(CallRecordQuery query) {
        return inTx(tx -> callRecords().query(tx, query));
    }

    private static CallRecordQuery all(String accountId, int limit) {
        return new CallRecordQuery(accountId, null, null, null, null, null, null, null, limit);
    }

    private static List<String> callIds(List<StoredCallRecord> page) {
        return page.stream().map(stored -> stored.record().callId()).toList();
    }

    @Test
    default void appendedRecordsReadBackWithEveryFieldAndTheirAttempts() {
        CallRecord answered = TestCallRecords.answered("call-1@10.0.0.1", "acc-1", ACME_NUMBER, "+79161234567", T0);
        CallRecord refused = new CallRecord("call-2@10.0.0.1", null, Direction.INBOUND, "+74959999999", "+79161234567",
                "+74959999999", null, List.of(), Result.REJECTED, 404, null, T0.plusSeconds(1), null, T0.plusSeconds(1));
        append(List.of(answered, refused));

        List<StoredCallRecord> page = query(all(null, 10));
        assertEquals(List.of(refused, answered), page.stream().map(StoredCallRecord::record).toList());
        assertEquals(2, page.get(1).record().attempts().size());
        assertNull(page.get(0).record().answeredAt());
    }

    @Test
    default void aRecordAppendedAgainIsSkippedSoABatchRetriedAfterALostCommitAddsOnlyWhatIsMissing() {
        CallRecord first = TestCallRecords.answered("call-1@10.0.0.1", "acc-1", ACME_NUMBER, "+79161234567", T0);
        CallRecord second = TestCallRecords.answered("call-2@10.0.0.1", "acc-1", ACME_NUMBER, "+79161234567", T0.plusSeconds(1));
        append(List.of(first));

        append(List.of(first, second));
        append(List.of(second, first));

        assertEquals(List.of("call-2@10.0.0.1", "call-1@10.0.0.1"), callIds(query(all(null, 10))));
    }

    @Test
    default void awkwardTextFromTheWireReadsBackAsItWasWritten() {
        // What PostgreSQL's COPY text format must escape (tab, newline, carriage return, backslash, the two
        // characters of its NULL marker) and what JSON must escape in the attempts, beside non-ASCII text.
        String callId = "a\tb\nc\rd\\e\\N@10.0.0.1";
        Instant odd = T0.plusNanos(789);
        CallRecord awkward = new CallRecord(callId, "acc-1", Direction.INBOUND, ACME_NUMBER, "\\N", "Пётр \"Иванов\" \uD83D\uDCDE",
                "trunk\t1", List.of(
                        new CallRecord.Attempt("contact", "sip:\"x\"\\y@host;tab=\t;nl=\n;ctl=\u0001", null, 0, "timeout", T0, odd),
                        new CallRecord.Attempt("sip_uri", "sip:ok@host", "emp-\u00e9\\", 200, "answered", odd, T0.plusSeconds(2))),
                Result.ANSWERED, 200, "hang_up \\N\t480", T0, T0.plusSeconds(2), T0.plusSeconds(3).plusMillis(7));
        CallRecord nulls = new CallRecord("nulls", null, Direction.OUTBOUND, null, null, null, null, List.of(), Result.FAILED, 0,
                null, T0.plusSeconds(10), null, T0.plusSeconds(10));
        append(List.of(awkward, nulls));

        List<CallRecord> read = query(all(null, 10)).stream().map(StoredCallRecord::record).toList();
        assertEquals(List.of(nulls, awkward), read);
    }

    @Test
    default void newestFirstAndTheCursorWalksEveryRecordOnceEvenWhenStartsTie() {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Pairs start at the same instant: the storage id orders them.
            records.add(TestCallRecords.answered("call-" + i, "acc-1", ACME_NUMBER, "+79161234567", T0.plusSeconds(i / 2)));
        }
        append(records);

        List<String> seen = new ArrayList<>();
        CallRecordQuery.Position before = null;
        for (int pages = 0; pages < 10; pages++) {
            List<StoredCallRecord> page = query(new CallRecordQuery("acc-1", null, null, null, null, null, null, before, 3));
            seen.addAll(callIds(page));
            if (page.size() < 3) {
                break;
            }
            before = page.get(page.size() - 1).position();
        }
        assertEquals(List.of("call-6", "call-5", "call-4", "call-3", "call-2", "call-1", "call-0"), seen);
    }

    @Test
    default void anAccountReadsOnlyItsOwnRecordsAndTheOperatorReadsAll() {
        append(List.of(TestCallRecords.answered("a-1", "acc-1", ACME_NUMBER, "+79161234567", T0),
                TestCallRecords.answered("b-1", "acc-2", "+74951230002", "+79161234567", T0.plusSeconds(1)),
                TestCallRecords.unanswered("none-1", null, Direction.INBOUND, "+74950000000", "+79161234567", Result.REJECTED, 404,
                        T0.plusSeconds(2))));

        assertEquals(List.of("a-1"), callIds(query(all("acc-1", 10))));
        assertEquals(List.of("b-1"), callIds(query(all("acc-2", 10))));
        assertEquals(List.of("none-1", "b-1", "a-1"), callIds(query(all(null, 10))));
    }

    @Test
    default void filtersNarrowByStartNumberDirectionResultAndCaller() {
        append(List.of(
                TestCallRecords.answered("in-answered", "acc-1", ACME_NUMBER, "+79161234567", T0),
                TestCallRecords.unanswered("in-busy", "acc-1", Direction.INBOUND, ACME_NUMBER, "+79035550000", Result.BUSY, 486,
                        T0.plusSeconds(60)),
                TestCallRecords.unanswered("out-noanswer", "acc-1", Direction.OUTBOUND, "+74951230009", "emp-anna",
                        Result.NO_ANSWER, 480, T0.plusSeconds(120))));

        assertEquals(List.of("in-busy", "in-answered"), callIds(query(
                new CallRecordQuery("acc-1", null, null, ACME_NUMBER, null, null, null, null, 10))));
        assertEquals(List.of("out-noanswer"), callIds(query(
                new CallRecordQuery("acc-1", null, null, null, Direction.OUTBOUND, null, null, null, 10))));
        assertEquals(List.of("in-busy"), callIds(query(
                new CallRecordQuery("acc-1", null, null, null, null, Result.BUSY, null, null, 10))));
        assertEquals(List.of("out-noanswer"), callIds(query(
                new CallRecordQuery("acc-1", null, null, null, null, null, "emp-anna", null, 10))));
        // from is inclusive, to exclusive.
        assertEquals(List.of("in-busy"), callIds(query(
                new CallRecordQuery("acc-1", T0.plusSeconds(60), T0.plusSeconds(120), null, null, null, null, null, 10))));
        assertTrue(query(new CallRecordQuery("acc-2", null, null, ACME_NUMBER, null, null, null, null, 10)).isEmpty());
    }

    @Test
    default void wireTextLongerThanItsColumnIsCutAndTheBatchStillWrites() {
        String longCallId = "x".repeat(300) + "@host";
        String longCaller = "caller-" + "9".repeat(400);
        append(List.of(TestCallRecords.answered(longCallId, "acc-1", ACME_NUMBER, longCaller, T0),
                TestCallRecords.answered("plain", "acc-1", ACME_NUMBER, "+79161234567", T0.plusSeconds(1))));

        List<StoredCallRecord> page = query(all("acc-1", 10));
        assertEquals(2, page.size());
        assertEquals(longCallId.substring(0, 255), page.get(1).record().callId());
        assertEquals(longCaller.substring(0, 255), page.get(1).record().caller());
    }

    @Test
    default void aLargeBatchIsAppendedWhole() {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            records.add(TestCallRecords.answered("bulk-" + i, "acc-1", ACME_NUMBER, "+79161234567", T0.plusMillis(i)));
        }
        append(records);
        List<StoredCallRecord> page = query(all("acc-1", 1000));
        assertEquals(1000, page.size());
        assertEquals("bulk-1199", page.get(0).record().callId());
        assertEquals(200, query(new CallRecordQuery("acc-1", null, null, null, null, null, null,
                page.get(999).position(), 1000)).size());
    }
}
