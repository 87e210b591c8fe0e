package io.vpbx.admin.domain.cdr;

import io.vpbx.telephony.cdr.CallRecord;
import java.time.Instant;

/**
 * Filters for reading call records; null means "any". {@code accountId} null reads every account and is
 * allowed only for the operator. Results come newest first (by start, then by storage order), after the
 * {@code before} cursor.
 *
 * @param from earliest start, inclusive
 * @param to latest start, exclusive
 * @param number our number the call was to (inbound) or from (outbound), E.164
 * @param caller the caller exactly as recorded
 */
public record CallRecordQuery(String accountId, Instant from, Instant to, String number, CallRecord.Direction direction,
                              CallRecord.Result result, String caller, Position before, int limit) {

    /** Where a page ended: the last record's start and storage id. */
    public record Position(Instant startedAt, long id) {
    }

    public CallRecordQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** The same filters for {@code account}: how an account's caller is held to its own records. */
    public CallRecordQuery forAccount(String account) {
        return new CallRecordQuery(account, from, to, number, direction, result, caller, before, limit);
    }
}
